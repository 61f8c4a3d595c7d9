// Generated from rules/default/*.yaml by `npm run rules:generate`. Do not edit.
import type {RulesData} from './schema.js'

export const defaultRulesData: RulesData = {
  "version": 1,
  "adBlock": {
    "markers": [
      {
        "id": "affiliate-ads",
        "note": "Comment pair that scraper templates wrap round injected affiliate banners, video ads and checkout links.",
        "begin": "^\\s*affiliate ads? (?:begin|start)\\s*$",
        "end": "^\\s*affiliate ads? end\\s*$"
      },
      {
        "id": "ads-begin-end",
        "note": "Generic \"ad(s)/advertisement begin|start … end\" comment pairs left by ad plugins.",
        "begin": "^\\s*(?:(?:google|adsense|sponsored|banner)\\s+)?(?:ads?|advert(?:isement)?s?)(?:\\s+(?:block|unit|slot|code|section))?\\s*[-:]?\\s*(?:begin|start)s?\\s*$",
        "end": "^\\s*(?:(?:google|adsense|sponsored|banner)\\s+)?(?:ads?|advert(?:isement)?s?)(?:\\s+(?:block|unit|slot|code|section))?\\s*[-:]?\\s*(?:end|stop)s?\\s*$"
      },
      {
        "id": "begin-end-ads",
        "note": "The same pairs written the other way round (\"begin ads\" … \"end ads\").",
        "begin": "^\\s*(?:begin|start)\\s+(?:of\\s+)?(?:(?:google|adsense|affiliate|sponsored)\\s+)?(?:ads?|advert(?:isement)?s?)\\s*$",
        "end": "^\\s*end\\s+(?:of\\s+)?(?:(?:google|adsense|affiliate|sponsored)\\s+)?(?:ads?|advert(?:isement)?s?)\\s*$"
      },
      {
        "id": "google-ad-section",
        "note": "AdSense section targeting comments; what sits between them is the ad-targeted part of a page template.",
        "begin": "^\\s*google_ad_section_start(?:\\(.*\\))?\\s*$",
        "end": "^\\s*google_ad_section_end\\s*$"
      }
    ]
  },
  "adSlot": {
    "elements": [
      {
        "id": "adsbygoogle",
        "note": "An AdSense unit.",
        "tag": "ins",
        "class": "adsbygoogle"
      },
      {
        "id": "adsense-client",
        "note": "Any element carrying an AdSense publisher id is an ad unit.",
        "attributes": {
          "data-ad-client": "^ca-pub-"
        }
      },
      {
        "id": "adsbygoogle-push",
        "note": "The inline script that fills AdSense units.",
        "tag": "script",
        "content": "adsbygoogle"
      },
      {
        "id": "gpt-slot",
        "note": "A Google Ad Manager (GPT) slot.",
        "tag": "div",
        "attributes": {
          "id": "^div-gpt-ad"
        }
      },
      {
        "id": "text-ad",
        "note": "Impact text ads ship their body in this class.",
        "tag": "span",
        "class": "text-ad-content"
      },
      {
        "id": "gpt-script",
        "note": "The inline script that defines or displays Google Ad Manager (GPT) slots.",
        "tag": "script",
        "content": "googletag\\s*\\.\\s*(?:cmd|display|defineSlot|pubads)\\b"
      },
      {
        "id": "amp-ad",
        "note": "An AMP ad unit.",
        "tag": "amp-ad"
      }
    ],
    "hosts": [
      {
        "id": "googlesyndication",
        "note": "AdSense and Ad Manager serving.",
        "host": "googlesyndication.com"
      },
      {
        "id": "doubleclick",
        "note": "Google Ad Manager / DoubleClick serving.",
        "host": "doubleclick.net"
      },
      {
        "id": "impact-display",
        "note": "Impact (Impact Radius) display-ad and click-to-play image host.",
        "host": "impactradius-go.com"
      },
      {
        "id": "amazon-adsystem",
        "note": "Amazon display ads.",
        "host": "amazon-adsystem.com"
      },
      {
        "id": "googletagservices",
        "note": "Loader of Google Ad Manager (GPT) and AdSense scripts.",
        "host": "googletagservices.com"
      },
      {
        "id": "google-adservice",
        "note": "AdSense conversion and serving endpoints.",
        "host": "adservice.google.com"
      }
    ],
    "pixelMaxSize": 1
  },
  "affiliateLink": {
    "hosts": [
      {
        "id": "techidaily-tools",
        "note": "Cloaked redirect folder of the techidaily network; every link into it is a paid referral.",
        "host": "tools.techidaily.com"
      },
      {
        "id": "impact-pxf",
        "note": "Impact tracking domain.",
        "host": "pxf.io"
      },
      {
        "id": "impact-sjv",
        "note": "Impact tracking domain.",
        "host": "sjv.io"
      },
      {
        "id": "impact-7eer",
        "note": "Impact tracking domain.",
        "host": "7eer.net"
      },
      {
        "id": "impact-8odi",
        "note": "Impact tracking domain.",
        "host": "8odi.net"
      },
      {
        "id": "impact-display",
        "note": "Impact display-ad host, also used as a click target.",
        "host": "impactradius-go.com"
      },
      {
        "id": "amazon-short",
        "note": "Amazon's short links carry the associate tag inside the redirect.",
        "host": "amzn.to"
      },
      {
        "id": "shareasale",
        "note": "ShareASale click redirector.",
        "host": "shareasale.com",
        "path": "^/r\\.cfm"
      },
      {
        "id": "cj-anrdoezrs",
        "note": "CJ (Commission Junction) click domain.",
        "host": "anrdoezrs.net"
      },
      {
        "id": "cj-jdoqocy",
        "note": "CJ click domain.",
        "host": "jdoqocy.com"
      },
      {
        "id": "cj-tkqlhce",
        "note": "CJ click domain.",
        "host": "tkqlhce.com"
      },
      {
        "id": "cj-dpbolvw",
        "note": "CJ click domain.",
        "host": "dpbolvw.net"
      },
      {
        "id": "cj-kqzyfj",
        "note": "CJ click domain.",
        "host": "kqzyfj.com"
      },
      {
        "id": "awin",
        "note": "Awin click redirector.",
        "host": "awin1.com"
      },
      {
        "id": "rakuten-linksynergy",
        "note": "Rakuten Advertising (LinkShare) click redirector.",
        "host": "click.linksynergy.com"
      },
      {
        "id": "partnerize",
        "note": "Partnerize click domain.",
        "host": "prf.hn"
      },
      {
        "id": "skimlinks",
        "note": "Skimlinks redirector.",
        "host": "go.skimresources.com"
      },
      {
        "id": "shop-links",
        "note": "Affiliate redirect domain used by commerce widgets.",
        "host": "shop-links.co"
      },
      {
        "id": "clickbank",
        "note": "ClickBank hop links.",
        "host": "hop.clickbank.net"
      }
    ],
    "params": [
      {
        "id": "avangate-affiliate",
        "note": "2Checkout / Avangate checkout links carry the affiliate id in AFFILIATE.",
        "param": "AFFILIATE"
      },
      {
        "id": "amazon-tag",
        "note": "An Amazon link with an associate tag earns the linker a commission.",
        "param": "tag",
        "hosts": [
          "amazon.com",
          "amazon.co.uk",
          "amazon.de",
          "amazon.fr",
          "amazon.es",
          "amazon.it",
          "amazon.ca",
          "amazon.in",
          "amazon.co.jp",
          "amazon.com.au"
        ]
      }
    ],
    "buttons": [
      {
        "id": "view-on-retailer",
        "note": "Retail price buttons (\"View On Amazon $16\").",
        "pattern": "^(?:view|shop|buy|see|check)\\s+(?:it\\s+)?(?:on|at)\\s+\\S.*$"
      },
      {
        "id": "buy-now",
        "note": "Bare purchase buttons.",
        "pattern": "^(?:buy|order|get\\s+it|shop)\\s+now\\b.*$"
      },
      {
        "id": "check-price",
        "note": "Price-check buttons.",
        "pattern": "^(?:check|see)\\s+(?:the\\s+)?(?:latest\\s+)?(?:price|deal)s?\\b.*$"
      },
      {
        "id": "free-download",
        "note": "Download buttons of cloaked software offers (\"Free Download 100% Secure\"); the link is all there is to them.",
        "pattern": "^(?:free\\s+download|download\\s+(?:now|(?:it\\s+)?(?:for\\s+)?free))(?![a-z]).*$|^(?:免費下載|免费下载|立即下載|立即下载)"
      }
    ]
  },
  "callToAction": {},
  "duplicateParagraph": {
    "minLength": 120,
    "minWords": 20,
    "introParagraphs": 3,
    "outroBlocks": 5,
    "minIntroLength": 60,
    "minIntroWords": 10
  },
  "feedFooter": {},
  "frontmatter": {
    "keys": [
      {
        "id": "title",
        "note": "The article's title; kept as written.",
        "key": "title",
        "type": "string"
      },
      {
        "id": "date",
        "note": "Publication date, written as ISO 8601 (a date-time without a zone is taken as UTC).",
        "key": "date",
        "type": "date"
      },
      {
        "id": "updated",
        "note": "Last-modified date, written as ISO 8601 like `date`.",
        "key": "updated",
        "type": "date"
      },
      {
        "id": "tags",
        "note": "A list; one comma string is split, items trimmed, repeats and Ghost `{name, slug}` objects reduced.",
        "key": "tags",
        "type": "list",
        "split": "\\s*,\\s*"
      },
      {
        "id": "categories",
        "note": "A list, normalised like `tags`.",
        "key": "categories",
        "type": "list",
        "split": "\\s*,\\s*"
      },
      {
        "id": "keywords",
        "note": "Hexo exports write keywords as one string, separated by commas (also full-width) or semicolons.",
        "key": "keywords",
        "type": "list",
        "split": "\\s*[,，;；]\\s*"
      },
      {
        "id": "description",
        "note": "The summary; kept as written.",
        "key": "description",
        "type": "string"
      },
      {
        "id": "excerpt",
        "note": "Often a copy of `description` (see `duplicates`).",
        "key": "excerpt",
        "type": "string"
      }
    ],
    "duplicates": [
      {
        "id": "excerpt-same-as-description",
        "note": "Hexo exports repeat the description as excerpt; one copy is enough.",
        "drop": "excerpt",
        "sameAs": "description"
      }
    ]
  },
  "linkFarm": {
    "labels": [
      {
        "id": "also-read",
        "note": "\"Also read:\" and the like, introducing a list of links to sister articles. The whole label text must match, so a sentence that starts the same way (\"See also the manual\") is not a label.",
        "pattern": "^(?:also\\s+read|read\\s+also|see\\s+also|read\\s+next|you\\s+(?:may|might)\\s+also\\s+(?:like|enjoy|be\\s+interested\\s+in)|related(?:\\s+(?:posts?|articles?|stories|reads?|content))?|recommended(?:\\s+(?:posts?|articles?|reading|for\\s+you))?|more\\s+(?:from|on)\\s+.+|read\\s+more|more\\s+articles?|popular\\s+posts?)\\s*[:：]?$"
      },
      {
        "id": "also-read-cjk",
        "note": "The same labels in Chinese (\"related articles\", \"further reading\", \"recommended reading\"), as scraped Chinese posts carry them.",
        "pattern": "^(?:相關文章|相关文章|延伸閱讀|延伸阅读|推薦閱讀|推荐阅读|相關閱讀|相关阅读)\\s*[:：]?$"
      }
    ],
    "labelClasses": [
      "atpl-alsoreadstyle"
    ],
    "minLinks": 3
  },
  "trackingParam": {},
  "unsafeHtml": {}
}
