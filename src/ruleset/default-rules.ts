// Generated from rules/default/*.yaml by `npm run rules:generate`. Do not edit.
import type {RulesData} from './schema.js'

/** The frontmatter dialects the default rules define (`canonical` is built in besides them). */
export type DefaultDialectName = "hugo" | "jekyll" | "hexo" | "astro"

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
      },
      {
        "id": "ezoic-placeholder",
        "note": "Ezoic wraps each ad placeholder in a named comment pair (`Ezoic - <name> - <position>` … `End Ezoic - <name> - <position>`).",
        "begin": "^\\s*Ezoic\\s+-\\s+\\S.*$",
        "end": "^\\s*End\\s+Ezoic\\s+-\\s+\\S.*$"
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
      },
      {
        "id": "ezoic-placeholder",
        "note": "Ezoic ad placeholder; its id is `ezoic-pub-ad-placeholder-<n>`.",
        "attributes": {
          "id": "^ezoic-pub-ad-placeholder-"
        }
      },
      {
        "id": "ezoic-ad",
        "note": "A rendered Ezoic ad unit.",
        "class": "ezoic-ad"
      },
      {
        "id": "ezoic-adpicker",
        "note": "Ezoic's ad picker slot.",
        "class": "ezoic-adpicker-ad"
      },
      {
        "id": "mediavine-ad-box",
        "note": "A Mediavine in-content ad box.",
        "class": "mv-ad-box"
      },
      {
        "id": "mediavine-slot",
        "note": "Mediavine ad slot placeholders carry `data-slotid` beside an `mv-` class.",
        "attributes": {
          "class": "(?:^|\\s)mv-ad",
          "data-slotid": ""
        }
      },
      {
        "id": "adthrive-ad",
        "note": "An AdThrive / Raptive ad slot.",
        "class": "adthrive-ad"
      },
      {
        "id": "taboola-placeholder",
        "note": "Taboola widget placeholder (`taboola-below-article-thumbnails` and the like); Taboola fills it with sponsored links.",
        "tag": "div",
        "attributes": {
          "id": "^taboola-"
        }
      },
      {
        "id": "taboola-widget",
        "note": "A rendered Taboola widget.",
        "class": "trc_related_container"
      },
      {
        "id": "taboola-script",
        "note": "The inline script that queues Taboola widgets.",
        "tag": "script",
        "content": "\\b_taboola\\b"
      },
      {
        "id": "outbrain-widget",
        "note": "Outbrain widget placeholder; Outbrain fills it with sponsored links.",
        "class": "OUTBRAIN",
        "attributes": {
          "data-widget-id": ""
        }
      },
      {
        "id": "medianet-tag",
        "note": "The inline script that loads a media.net contextual ad.",
        "tag": "script",
        "content": "\\b_mN(?:Handle|Details)\\b"
      },
      {
        "id": "carbon-ads",
        "note": "A Carbon Ads unit (`<div id=\"carbonads\">`), image, text and \"ads via Carbon\" alike.",
        "attributes": {
          "id": "^carbonads$"
        }
      },
      {
        "id": "carbon-ads-script",
        "note": "The Carbon Ads loader script.",
        "tag": "script",
        "attributes": {
          "id": "^_carbonads_js$"
        }
      },
      {
        "id": "buysellads-zone",
        "note": "A BuySellAds zone.",
        "attributes": {
          "id": "^bsa-zone_"
        }
      },
      {
        "id": "buysellads-script",
        "note": "The inline script that fills BuySellAds zones.",
        "tag": "script",
        "content": "\\b_bsa\\s*\\.\\s*init\\b"
      },
      {
        "id": "amazon-native-ad",
        "note": "An Amazon native shopping ad placeholder.",
        "attributes": {
          "id": "^amzn-assoc-ad-"
        }
      },
      {
        "id": "amazon-assoc-script",
        "note": "The inline script that configures an Amazon Associates ad widget (`amzn_assoc_placement = …`).",
        "tag": "script",
        "content": "\\bamzn_assoc_[a-z_]+\\s*="
      },
      {
        "id": "infolinks-script",
        "note": "The inline script that configures Infolinks in-text ads.",
        "tag": "script",
        "content": "\\binfolinks_(?:pid|wsid)\\b"
      },
      {
        "id": "connatix-script",
        "note": "The inline script that renders a Connatix video ad player.",
        "tag": "script",
        "content": "\\bcnx\\s*\\.\\s*cmd\\s*\\.\\s*push\\b"
      },
      {
        "id": "revcontent-widget",
        "note": "A Revcontent sponsored-links widget placeholder.",
        "attributes": {
          "id": "^rcjsload_"
        }
      },
      {
        "id": "mgid-widget",
        "note": "An MGID sponsored-links widget placeholder.",
        "attributes": {
          "data-type": "^_mgwidget$"
        }
      },
      {
        "id": "wp-quads",
        "note": "An ad slot of the WP QUADS (Quick AdSense) WordPress plugin.",
        "class": "quads-location"
      },
      {
        "id": "empty-content-ad",
        "note": "An empty ad placeholder an ad plugin leaves when the ad did not load (`<div class=\"content-ad\"></div>`): only when it holds no text and no media.",
        "class": "content-ad",
        "empty": true
      },
      {
        "id": "empty-ad-slot",
        "note": "An empty `ad-slot` placeholder.",
        "class": "ad-slot",
        "empty": true
      },
      {
        "id": "empty-adunit",
        "note": "An empty `adunit` placeholder.",
        "class": "adunit",
        "empty": true
      },
      {
        "id": "empty-ad-container",
        "note": "An empty `ad-container` placeholder.",
        "class": "ad-container",
        "empty": true
      },
      {
        "id": "empty-td-ad",
        "note": "tagDiv's (Newspaper theme) empty ad box `td-a-rec`.",
        "class": "td-a-rec",
        "empty": true
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
      },
      {
        "id": "ezoic",
        "note": "Ezoic ad serving and its loader scripts.",
        "host": "ezoic.net"
      },
      {
        "id": "ezojs",
        "note": "Ezoic's script CDN.",
        "host": "ezojs.com"
      },
      {
        "id": "ezodn",
        "note": "Ezoic's ad delivery network.",
        "host": "ezodn.com"
      },
      {
        "id": "mediavine",
        "note": "Mediavine's ad scripts (`scripts.mediavine.com`).",
        "host": "scripts.mediavine.com"
      },
      {
        "id": "adthrive",
        "note": "AdThrive / Raptive ad scripts.",
        "host": "ads.adthrive.com"
      },
      {
        "id": "taboola",
        "note": "Taboola's loader, widget, thumbnail and tracking hosts (`cdn.taboola.com`, `trc.taboola.com`, `images.taboola.com`); every embed from them is its sponsored-links widget.",
        "host": "taboola.com"
      },
      {
        "id": "outbrain",
        "note": "Outbrain's widget script and ad images.",
        "host": "widgets.outbrain.com"
      },
      {
        "id": "outbrain-images",
        "note": "Outbrain's sponsored-link thumbnails and logs.",
        "host": "outbrainimg.com"
      },
      {
        "id": "medianet",
        "note": "media.net contextual ads.",
        "host": "contextual.media.net"
      },
      {
        "id": "carbon-ads",
        "note": "Carbon Ads scripts and serving.",
        "host": "carbonads.com"
      },
      {
        "id": "carbon-ads-net",
        "note": "Carbon Ads serving.",
        "host": "carbonads.net"
      },
      {
        "id": "buysellads",
        "note": "BuySellAds scripts and serving.",
        "host": "buysellads.com"
      },
      {
        "id": "buysellads-net",
        "note": "BuySellAds CDN.",
        "host": "buysellads.net"
      },
      {
        "id": "criteo",
        "note": "Criteo retargeting ads and pixels.",
        "host": "criteo.net"
      },
      {
        "id": "criteo-bidder",
        "note": "Criteo header-bidding endpoint (the company site `www.criteo.com` is not listed).",
        "host": "bidder.criteo.com"
      },
      {
        "id": "criteo-sync",
        "note": "Criteo user-sync pixels.",
        "host": "gum.criteo.com"
      },
      {
        "id": "lijit",
        "note": "Sovrn (Lijit) ad serving.",
        "host": "lijit.com"
      },
      {
        "id": "infolinks",
        "note": "Infolinks in-text ad scripts.",
        "host": "infolinks.com"
      },
      {
        "id": "primis",
        "note": "Primis video ad player.",
        "host": "primis.tech"
      },
      {
        "id": "anyclip",
        "note": "AnyClip's monetised video player, placed as an ad unit.",
        "host": "player.anyclip.com"
      },
      {
        "id": "connatix",
        "note": "Connatix video ad player.",
        "host": "connatix.com"
      },
      {
        "id": "exco",
        "note": "EX.CO (formerly Playbuzz) video ad player.",
        "host": "player.ex.co"
      },
      {
        "id": "revcontent",
        "note": "Revcontent sponsored-links widgets.",
        "host": "revcontent.com"
      },
      {
        "id": "mgid",
        "note": "MGID sponsored-links widgets.",
        "host": "mgid.com"
      },
      {
        "id": "doubleclick-media",
        "note": "Google Ad Manager creative CDN (`s0.2mdn.net`).",
        "host": "2mdn.net"
      },
      {
        "id": "appnexus",
        "note": "Xandr / AppNexus ad serving.",
        "host": "adnxs.com"
      },
      {
        "id": "pubmatic",
        "note": "PubMatic ad serving.",
        "host": "pubmatic.com"
      },
      {
        "id": "rubicon",
        "note": "Magnite (Rubicon Project) ad serving.",
        "host": "rubiconproject.com"
      },
      {
        "id": "openx",
        "note": "OpenX ad serving.",
        "host": "openx.net"
      },
      {
        "id": "index-exchange",
        "note": "Index Exchange ad serving.",
        "host": "casalemedia.com"
      },
      {
        "id": "adform",
        "note": "Adform ad serving.",
        "host": "adform.net"
      },
      {
        "id": "smartadserver",
        "note": "Equativ (Smart AdServer) ad serving.",
        "host": "smartadserver.com"
      },
      {
        "id": "moat",
        "note": "Moat ad-verification pixels and scripts.",
        "host": "moatads.com"
      },
      {
        "id": "ias",
        "note": "Integral Ad Science ad-verification pixels and scripts.",
        "host": "adsafeprotected.com"
      }
    ],
    "labels": [
      {
        "id": "advertisement-label",
        "note": "The label an ad unit leaves behind when a scraper drops its script: a paragraph that is only \"Advertisement\" (or \"Anzeige\", \"Werbung\", \"Publicité\", \"Publicidad\", \"Pubblicità\", \"Publicidade\", \"Advertentie\", 广告, 広告, \"Реклама\"). Only the whole paragraph: a sentence about advertising stays.",
        "pattern": "^(?:advertisements?|advertising|advertisment|anzeige|werbung|publicité|publicidad|pubblicità|publicidade|advertentie|advertenties|reklama|реклама|广告|廣告|広告|광고)$"
      },
      {
        "id": "continue-reading-below",
        "note": "News sites put \"Advertisement - Continue Reading Below\", \"Story continues below advertisement\", \"Article continues after this ad\" round their ad slots.",
        "pattern": "^(?:(?:advertisement|ad)\\s*[-–—:|]?\\s*(?:continue|keep)\\s+reading\\s+below|(?:the\\s+)?(?:story|article|content|text)\\s+continues\\s+(?:below|after)\\s+(?:this\\s+|the\\s+)?(?:advertisement|ad|ads|sponsor(?:ed)?\\s+message)|scroll\\s+(?:down\\s+)?to\\s+continue(?:\\s+reading)?|weiter\\s+nach\\s+der\\s+anzeige|la\\s+suite\\s+(?:de\\s+l.article\\s+)?après\\s+(?:cette\\s+)?(?:la\\s+)?publicité|continúa\\s+después\\s+de\\s+la\\s+publicidad|continua\\s+(?:depois|após)\\s+(?:da|a)\\s+publicidade)$"
      }
    ],
    "commentLabels": [
      {
        "id": "ad-plugin-comment",
        "note": "The comment an ad plugin or theme leaves where its unit stood, alone in its HTML block: `<!-- ad label -->`, `<!-- advertisement -->`, `<!-- /ad -->`, `<!-- Google AdSense -->`, `<!-- WP QUADS Content Ad Plugin v. 2.0.x -->`, `<!-- ad slot 3 -->`, and the word for an ad in other languages (`<!-- Anzeige -->`, `<!-- 广告 -->`). A comment that only names something else (`<!-- more -->`, `<!-- TOC -->`) stays; a marked region (a start and an end comment) is ad-block's.",
        "pattern": "^/?\\s*(?:ads?|adverti[sz]ements?|adverti[sz]ing|ad\\s*(?:label|slot|unit|space|block|zone|code|placement|container|wrapper|banner)(?:\\s*[-#]?\\s*\\d+)?|(?:google\\s+)?adsense(?:\\s+\\w+)?|google\\s+ads?|wp\\s+quads\\b.*|quads\\s+ad\\b.*|(?:end|begin|start)\\s+(?:of\\s+)?(?:ads?|adverti[sz]ement)|(?:ads?|adverti[sz]ement)\\s+(?:end|ends|begin|begins|start|starts)|anuncios?|anzeigen?|werbung|publicit[ée]|pubblicit[àa]|publicidad|publicidade|广告|廣告|広告|광고|реклама)$"
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
        "path": "^/(?:r|u)\\.cfm"
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
        "note": "Awin click redirector (`cread.php`, `awclick.php`).",
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
        "note": "ClickBank hop links (`hop.clickbank.net/?affiliate=…` and `<affiliate>.<vendor>.hop.clickbank.net`).",
        "host": "hop.clickbank.net"
      },
      {
        "id": "impact-evyy",
        "note": "Impact tracking domain (`<brand>.evyy.net`).",
        "host": "evyy.net"
      },
      {
        "id": "impact-ojrq",
        "note": "Impact tracking domain (`<brand>.ojrq.net`).",
        "host": "ojrq.net"
      },
      {
        "id": "impact-7tiv",
        "note": "Impact tracking domain (`<brand>.7tiv.net`).",
        "host": "7tiv.net"
      },
      {
        "id": "impact-imp",
        "note": "Impact's numbered tracking domains (`imp.i123456.net`).",
        "host": "imp.i*.net"
      },
      {
        "id": "impact-walmart",
        "note": "Walmart's affiliate links, run on Impact.",
        "host": "goto.walmart.com"
      },
      {
        "id": "impact-target",
        "note": "Target's affiliate links, run on Impact.",
        "host": "goto.target.com"
      },
      {
        "id": "cj-emjcd",
        "note": "CJ click domain.",
        "host": "emjcd.com"
      },
      {
        "id": "cj-qksrv",
        "note": "CJ click domain.",
        "host": "qksrv.net"
      },
      {
        "id": "cj-ftjcfx",
        "note": "CJ click domain.",
        "host": "ftjcfx.com"
      },
      {
        "id": "cj-lduhtrp",
        "note": "CJ click domain.",
        "host": "lduhtrp.net"
      },
      {
        "id": "cj-tqlkg",
        "note": "CJ click domain.",
        "host": "tqlkg.com"
      },
      {
        "id": "cj-awltovhc",
        "note": "CJ click domain.",
        "host": "awltovhc.com"
      },
      {
        "id": "cj-yceml",
        "note": "CJ click domain.",
        "host": "yceml.net"
      },
      {
        "id": "cj-apmebf",
        "note": "CJ click domain.",
        "host": "apmebf.com"
      },
      {
        "id": "cj-afcyhf",
        "note": "CJ click domain.",
        "host": "afcyhf.com"
      },
      {
        "id": "shareasale-short",
        "note": "ShareASale short links.",
        "host": "shrsl.com"
      },
      {
        "id": "awin-short",
        "note": "Awin short links.",
        "host": "tidd.ly"
      },
      {
        "id": "awin-zenaps",
        "note": "Awin's older click domain.",
        "host": "zenaps.com"
      },
      {
        "id": "rakuten-deeplink",
        "note": "Rakuten Advertising links served on a retailer's `linksynergy.` sub-domain (`linksynergy.walmart.com/deeplink?…`).",
        "host": "linksynergy.*.com",
        "path": "^/(?:fs-bin|deeplink|link)\\b"
      },
      {
        "id": "skimlinks-redirectingat",
        "note": "Skimlinks redirector.",
        "host": "go.redirectingat.com"
      },
      {
        "id": "amazon-short-eu",
        "note": "Amazon Associates short links for European stores.",
        "host": "amzn.eu"
      },
      {
        "id": "amazon-short-asia",
        "note": "Amazon Associates short links for Asian stores.",
        "host": "amzn.asia"
      },
      {
        "id": "flexoffers",
        "note": "FlexOffers click redirector.",
        "host": "track.flexlinkspro.com"
      },
      {
        "id": "flexoffers-legacy",
        "note": "FlexOffers' older click redirector.",
        "host": "track.flexlinks.com"
      },
      {
        "id": "partnerstack",
        "note": "PartnerStack referral links.",
        "host": "partnerlinks.io"
      },
      {
        "id": "viglink",
        "note": "Sovrn Commerce (VigLink) redirector.",
        "host": "redirect.viglink.com"
      },
      {
        "id": "sovrn-commerce-short",
        "note": "Sovrn Commerce short links.",
        "host": "sovrn.co"
      },
      {
        "id": "ebay-rover",
        "note": "eBay Partner Network click redirector.",
        "host": "rover.ebay.com"
      },
      {
        "id": "pepperjam-pjtra",
        "note": "Pepperjam (Partnerize) click domain.",
        "host": "pjtra.com"
      },
      {
        "id": "pepperjam-pntra",
        "note": "Pepperjam click domain.",
        "host": "pntra.com"
      },
      {
        "id": "pepperjam-pjatr",
        "note": "Pepperjam click domain.",
        "host": "pjatr.com"
      },
      {
        "id": "pepperjam-pntrs",
        "note": "Pepperjam click domain.",
        "host": "pntrs.com"
      },
      {
        "id": "pepperjam-pntrac",
        "note": "Pepperjam click domain.",
        "host": "pntrac.com"
      },
      {
        "id": "pepperjam-gopjn",
        "note": "Pepperjam click domain.",
        "host": "gopjn.com"
      },
      {
        "id": "admitad",
        "note": "Admitad click redirector.",
        "host": "ad.admitad.com"
      },
      {
        "id": "geniuslink",
        "note": "Geniuslink short links, which localise and tag retail links for the linker.",
        "host": "geni.us"
      },
      {
        "id": "howl",
        "note": "Howl (Narrativ) commerce redirector.",
        "host": "howl.me"
      },
      {
        "id": "digistore24",
        "note": "Digistore24 affiliate redirects.",
        "host": "digistore24.com",
        "path": "^/redir/"
      },
      {
        "id": "jvzoo",
        "note": "JVZoo affiliate click links.",
        "host": "jvzoo.com",
        "path": "^/c/"
      },
      {
        "id": "tradedoubler",
        "note": "Tradedoubler click redirector.",
        "host": "clk.tradedoubler.com"
      },
      {
        "id": "webgains",
        "note": "Webgains click redirector.",
        "host": "track.webgains.com"
      },
      {
        "id": "zanox",
        "note": "Zanox (now Awin) click redirector.",
        "host": "ad.zanox.com"
      },
      {
        "id": "tradetracker",
        "note": "TradeTracker click redirector.",
        "host": "tc.tradetracker.net"
      },
      {
        "id": "avantlink",
        "note": "AvantLink click redirector.",
        "host": "avantlink.com",
        "path": "^/click\\.php"
      },
      {
        "id": "commission-factory",
        "note": "Commission Factory click redirector.",
        "host": "t.cfjump.com"
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
          "amazon.nl",
          "amazon.se",
          "amazon.pl",
          "amazon.com.be",
          "amazon.ca",
          "amazon.com.mx",
          "amazon.com.br",
          "amazon.in",
          "amazon.co.jp",
          "amazon.com.au",
          "amazon.sg",
          "amazon.ae",
          "amazon.sa",
          "amazon.eg",
          "amazon.com.tr"
        ]
      },
      {
        "id": "ebay-campaign",
        "note": "An eBay link with an eBay Partner Network campaign id earns the linker a commission.",
        "param": "campid",
        "hosts": [
          "ebay.com",
          "ebay.co.uk",
          "ebay.de",
          "ebay.fr",
          "ebay.es",
          "ebay.it",
          "ebay.ca",
          "ebay.com.au",
          "ebay.at",
          "ebay.ch",
          "ebay.ie",
          "ebay.nl",
          "ebay.be",
          "ebay.pl"
        ]
      }
    ],
    "redirectFolders": [
      {
        "id": "go-folder",
        "note": "Cloaked affiliate links under `/go/<slug>` (Lasso, Pretty Links and hand-made redirects).",
        "folder": "go"
      },
      {
        "id": "goto-folder",
        "note": "Cloaked affiliate links under `/goto/<slug>`.",
        "folder": "goto"
      },
      {
        "id": "recommends-folder",
        "note": "ThirstyAffiliates' default link prefix, `/recommends/<slug>/`.",
        "folder": "recommends"
      },
      {
        "id": "out-folder",
        "note": "Outbound redirect folder `/out/<slug>` of affiliate sites.",
        "folder": "out"
      },
      {
        "id": "visit-folder",
        "note": "Cloaked affiliate links under `/visit/<slug>`.",
        "folder": "visit"
      },
      {
        "id": "refer-folder",
        "note": "Cloaked referral links under `/refer/<slug>`.",
        "folder": "refer"
      }
    ],
    "folderExceptions": [
      {
        "id": "w3schools",
        "note": "Its `/go/` folder is a Go tutorial.",
        "host": "w3schools.com"
      },
      {
        "id": "tutorialspoint",
        "note": "Its `/go/` folder is a Go tutorial.",
        "host": "tutorialspoint.com"
      },
      {
        "id": "geeksforgeeks",
        "note": "Tutorial site with language folders.",
        "host": "geeksforgeeks.org"
      },
      {
        "id": "programiz",
        "note": "Tutorial site with language folders.",
        "host": "programiz.com"
      },
      {
        "id": "javatpoint",
        "note": "Tutorial site with language folders.",
        "host": "javatpoint.com"
      },
      {
        "id": "jetbrains",
        "note": "`jetbrains.com/go/…` is the GoLand product site.",
        "host": "jetbrains.com"
      },
      {
        "id": "google-cloud",
        "note": "`cloud.google.com/go/…` is the Go client documentation.",
        "host": "cloud.google.com"
      },
      {
        "id": "go-dev",
        "note": "The Go project's own sites.",
        "host": "go.dev"
      },
      {
        "id": "golang-org",
        "note": "The Go project's former site.",
        "host": "golang.org"
      },
      {
        "id": "github",
        "note": "`github.com/go/<repo>`, `github.com/out/<repo>`: owners and repositories, not redirects.",
        "host": "github.com"
      },
      {
        "id": "gitlab",
        "note": "Owners and repositories, not redirects.",
        "host": "gitlab.com"
      },
      {
        "id": "bitbucket",
        "note": "Owners and repositories, not redirects.",
        "host": "bitbucket.org"
      },
      {
        "id": "codeberg",
        "note": "Owners and repositories, not redirects.",
        "host": "codeberg.org"
      },
      {
        "id": "npm",
        "note": "Package pages.",
        "host": "npmjs.com"
      },
      {
        "id": "pypi",
        "note": "Package pages.",
        "host": "pypi.org"
      },
      {
        "id": "wikipedia",
        "note": "Articles, never redirects.",
        "host": "wikipedia.org"
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
        "id": "price-at-retailer",
        "note": "Price buttons that name the shop (\"$379 at Best Buy\", \"£249 on Amazon\", \"€199 bei Otto\"); only ever applied to a link already known to be affiliate.",
        "pattern": "^(?:[$£€]\\s?\\d[\\d.,]*|\\d[\\d.,]*\\s?(?:€|\\$|£|usd|eur|gbp))\\s+(?:at|on|from|bei|chez|en)\\s+\\S.*$"
      },
      {
        "id": "get-it-from-retailer",
        "note": "Retail buttons \"Get it from Bose\", \"Get it at Walmart\", \"Grab it on Amazon\"; only ever applied to a link already known to be affiliate.",
        "pattern": "^(?:get|grab|pick\\s+up)\\s+(?:it|one|yours)\\s+(?:from|at|on)\\s+\\S.*$"
      },
      {
        "id": "free-download",
        "note": "Download buttons of cloaked software offers (\"Free Download 100% Secure\"); the link is all there is to them.",
        "pattern": "^(?:free\\s+download|download\\s+(?:now|(?:it\\s+)?(?:for\\s+)?free))(?![a-z]).*$|^(?:免費下載|免费下载|立即下載|立即下载)"
      }
    ]
  },
  "callToAction": {
    "tailBlocks": 6,
    "maxLength": 400,
    "prompts": [
      {
        "id": "clap",
        "note": "Medium's clap requests: \"Give it a clap 👏\", \"Hit the clap button\", \"Clap if you liked it\", \"A few claps would mean a lot\".",
        "pattern": "(?:give|leave|hit|smash|tap|press|click|hold(?: down)?|drop|send|show (?:some )?love with)(?: (?:it|this|that|those|the|me|us|him|her|them|author|a|an|some|few|couple|of|big|round|lots|multiple|up|to|\\d+|post|article|story|👏))* (?:👏|claps?\\b|clap button|clap icon).{0,100}|(?:clap|👏)+(?:(?:s|ping)\\b)?(?: (?:clap|👏))*(?:[, ]+(?:for|if|below|away|it|this|here|to|so|as|and|on|a few|some|up|please)\\b.{0,100})?|(?:a |some |a few |your |those )?claps? (?:would|are|is|will|help|mean)\\b.{0,100}",
        "words": [
          "clap",
          "👏"
        ]
      },
      {
        "id": "follow-me",
        "note": "\"Follow me on Twitter/X for more\", \"Connect with me on LinkedIn\", \"… and follow me on Mastodon\": following the author on a named platform or a handle. \"Follow me through the setup\" or \"follow the steps\" stay (no platform, no \"for more\").",
        "pattern": "(?:.{0,120}?\\b)?(?:follow|find|connect with|catch|reach|add|join) (?:me|us)(?: (?:on|at|over on|over at|via|in|here on|on my))? (?:twitter|x|𝕏|medium|linkedin|github|instagram|facebook|mastodon|bluesky|threads|youtube|tiktok|twitch|dev\\.?to|hashnode|substack|reddit|discord|telegram|social media|socials|social networks|@[\\w.]+)(?![\\w.-]).{0,120}",
        "words": [
          "follow",
          "find",
          "connect",
          "catch",
          "reach",
          "add",
          "join"
        ]
      },
      {
        "id": "follow-for-more",
        "note": "\"Follow me for more articles like this\", \"Follow us to stay updated\", \"Follow me\" alone.",
        "pattern": "follow (?:me|us)(?: (?:here|now|today|for (?:more|daily|weekly|regular|future|similar|new|updates|tips)\\b.{0,100}|to (?:stay|get|keep|see|read|be|never|catch)\\b.{0,100}|if (?:you|this)\\b.{0,100}))?",
        "words": [
          "follow"
        ]
      },
      {
        "id": "lets-connect",
        "note": "\"Let's connect on LinkedIn\", \"Let's keep in touch: …\", \"Stay in touch via the newsletter\", \"I'm on Mastodon as @x\".",
        "pattern": "let'?s (?:connect|stay connected|keep in touch|stay in touch|be friends)\\b.{0,160}|(?:stay|keep) in touch (?:on|via|by|with me|with us|through)\\b.{0,120}|i'?m (?:also )?(?:on|active on) (?:twitter|x|medium|linkedin|github|instagram|mastodon|bluesky|threads|youtube)\\b.{0,100}",
        "words": [
          "let's",
          "lets",
          "in touch",
          "i'm",
          "im "
        ]
      },
      {
        "id": "join-community",
        "note": "\"Join our Discord\", \"Join the community on Slack\".",
        "pattern": "join (?:me|us|my|our|the)(?: \\w+)? (?:discord|slack|community|telegram|server|forum)\\b.{0,120}",
        "words": [
          "join"
        ]
      },
      {
        "id": "newsletter",
        "note": "\"Subscribe to my weekly newsletter …\", \"Sign up for our newsletter\", \"Join my mailing list\", \"Subscribe to the channel\". Starts with the verb: \"we build a newsletter signup form\" or \"users can sign up for the newsletter\" stay.",
        "pattern": "(?:subscribe|sign up|signup|sign-up|join|register|opt in|opt-in|get on)(?: (?:now|today|here|below|for free))?(?: (?:to|for|on|with))?(?: (?:my|our|the|this|a))?(?: (?:free|weekly|monthly|daily|bi-?weekly|fortnightly|email|e-mail|[\\w-]+'s|\\w+))?(?: (?:free|weekly|monthly|daily|email|e-mail))? (?:newsletter|mailing list|email list|e-mail list|substack|list|blog|channel|youtube channel|podcast|rss feed|feed|updates|digest)\\b.{0,160}",
        "words": [
          "subscribe",
          "sign up",
          "signup",
          "sign-up",
          "join",
          "register",
          "opt in",
          "opt-in",
          "get on"
        ]
      },
      {
        "id": "subscribe",
        "note": "\"Subscribe!\", \"Subscribe for more\", \"Subscribe here\".",
        "pattern": "subscribe(?: (?:now|today|here|below|for (?:more|free|updates|weekly|daily)\\b.{0,120}))?",
        "words": [
          "subscribe"
        ]
      },
      {
        "id": "join-readers",
        "note": "\"Join 5,000+ developers who get my weekly email\".",
        "pattern": "join (?:\\d[\\d,.]*[km]?\\+?|thousands|hundreds|over \\d[\\d,.]*[km]?\\+?|more than \\d[\\d,.]*[km]?\\+?)(?: of)? (?:other )?[\\w-]+\\b.{0,160}",
        "words": [
          "join"
        ]
      },
      {
        "id": "inbox",
        "note": "\"Get my latest posts delivered to your inbox\", \"Enter your email to get notified\", \"Don't miss the next post\".",
        "pattern": "(?:get|receive|have) (?:my |our |the )?(?:latest |new |next |future |weekly |monthly |free )*(?:posts?|articles?|stories|tutorials|updates|tips|issues?|content)\\b.{0,60}\\b(?:to|in|into) your (?:inbox|email|mailbox)\\b.{0,80}|(?:click here to |just |simply )?(?:enter|drop|leave) your (?:e-?mail|email address)\\b.{0,60}\\b(?:subscribe|updates|newsletter|notified|in touch|list)\\b.{0,80}|don'?t miss (?:out on )?(?:my |our |the |a |any )?(?:next|future|new|latest|upcoming|weekly)\\b.{0,120}",
        "words": [
          "inbox",
          "email",
          "e-mail",
          "mailbox",
          "miss"
        ]
      },
      {
        "id": "buy-me-a-coffee",
        "note": "\"Buy me a coffee\", \"If this helped, you can buy me a coffee at ko-fi.com/x\".",
        "pattern": "(?:.{0,100}?\\b)?buy (?:me|us) (?:a |an |some )?(?:cup of )?(?:coffee|beer|pizza|tea|book|taco|drink|ko-?fi)\\b.{0,120}",
        "words": [
          "buy"
        ]
      },
      {
        "id": "donate",
        "note": "\"Support me on Patreon\", \"Consider donating to the blog\", \"You can support us there\", \"Become a patron\". The object is the author, the blog or the project: \"donate to the Red Cross\" stays.",
        "pattern": "(?:donat(?:e|ing)|(?:making|make|leave|leaving) a (?:small |one-time |monthly )?(?:donation|tip)|tip(?:ping)?|sponsor(?:ing)?|support(?:ing)?|fund(?:ing)?|back(?:ing)?)(?: (?:to|via|through|on|at|for))? (?:me|us|my work|our work|my (?:writing|blog|projects?|channel|newsletter|open[- ]source work)|our (?:blog|site|project|channel|newsletter|work)|this (?:blog|site|project|work|newsletter|channel|podcast)|the (?:blog|site|project|author|channel|podcast))\\b.{0,120}|(?:becoming|become) a (?:patron|sponsor|supporter|paid subscriber|paying subscriber)\\b.{0,120}|(?:.{0,80}?\\b)?(?:support|sponsor|tip) (?:me|us)\\b.{0,40}\\b(?:on|via|through|at|with|using) (?:ko-?fi|patreon|paypal|github sponsors|liberapay|open ?collective|buy ?me ?a ?coffee)\\b.{0,100}",
        "words": [
          "donat",
          "tip",
          "sponsor",
          "support",
          "fund",
          "back",
          "become",
          "becoming"
        ]
      },
      {
        "id": "share",
        "note": "\"Share this article with your friends\", \"please share it with your colleagues\", \"like and subscribe\", \"hit the like button\", \"give it a star\".",
        "pattern": "(?:share|retweet|repost|forward|recommend|tweet) (?:this|the|my) (?:post|article|story|tutorial|guide|piece|blog post|thread|video)\\b.{0,120}|(?:share|pass) it (?:on|along|with (?:your |a )?(?:friends?|colleagues?|co-?workers|network|followers|team|others|anyone|someone))\\b.{0,120}|(?:like|clap),? (?:and|&) (?:share|subscribe)\\b.{0,100}|(?:hit|smash|click|tap|press) (?:the |that )?(?:like|subscribe|follow|heart|bell|notification)(?: (?:button|icon))?\\b.{0,100}|(?:leave|give|drop) (?:me |us |it |this |the (?:repo|repository|project) )?(?:a |some )?(?:like|heart|star|five-star review|5-star review)\\b.{0,100}",
        "words": [
          "share",
          "retweet",
          "repost",
          "forward",
          "recommend",
          "tweet",
          "pass it",
          "like",
          "clap",
          "hit",
          "smash",
          "click",
          "tap",
          "press",
          "leave",
          "give",
          "drop"
        ]
      },
      {
        "id": "newsletter-intl",
        "note": "Newsletter prompts in French, Spanish, German and Portuguese: \"Abonnez-vous à notre newsletter\", \"Suscríbete a mi boletín\", \"Abonniere meinen Newsletter\", \"Assine a nossa newsletter\". Start with the verb, as in English.",
        "pattern": "(?:abonnez-vous|abonne-toi|inscrivez-vous|inscris-toi|suscríbete|suscribete|suscríbase|suscribase|apúntate|apuntate|abonniere|abonniert|abonnieren sie|melde dich|melden sie sich|trag dich|tragen sie sich|assine|inscreva-se|cadastre-se|subscreva)\\b.{0,60}\\b(?:newsletter|lettre d'information|infolettre|liste|boletín|boletin|lista|verteiler|boletim|blog|chaîne|canal|kanal)\\b.{0,160}",
        "words": [
          "abonn",
          "inscri",
          "suscr",
          "apunt",
          "apúnt",
          "melde",
          "trag",
          "assine",
          "inscreva",
          "cadastre",
          "subscreva"
        ]
      },
      {
        "id": "follow-intl",
        "note": "Follow-me prompts in French, Spanish, German and Portuguese: \"Suivez-moi sur Mastodon\", \"Sígueme en Twitter\", \"Folge mir auf LinkedIn\", \"Siga-me no Instagram\".",
        "pattern": "(?:suivez-moi|suivez-nous|suis-moi|sígueme|sigueme|síguenos|siguenos|folge mir|folgt mir|folgen sie mir|folge uns|siga-me|sigam-me|me siga|nos siga|segue-me)\\b.{0,120}",
        "words": [
          "suivez",
          "suis-moi",
          "sígue",
          "sigue",
          "folg",
          "siga",
          "sigam",
          "segue"
        ]
      },
      {
        "id": "coffee-intl",
        "note": "\"Buy me a coffee\" in French, Spanish, German and Portuguese: \"Offrez-moi un café\", \"Invítame a un café\", \"Spendier mir einen Kaffee\", \"Pague-me um café\".",
        "pattern": "(?:.{0,100}?\\b)?(?:offrez-moi|offre-moi|payez-moi|paye-moi|invítame|invitame|spendier mir|spendiere mir|spendieren sie mir|pague-me|me pague|paga-me)\\b.{0,20}\\b(?:un café|un cafe|einen kaffee|um café|um cafe)(?![\\p{L}\\p{N}]).{0,120}",
        "words": [
          "café",
          "cafe",
          "kaffee"
        ]
      },
      {
        "id": "other-posts",
        "note": "\"Check out my other articles\", \"consider visiting my other posts and apps\": the author promoting more of their own writing.",
        "pattern": "(?:check out|visit|visiting|read|browse|see|explore) (?:my|our) (?:other|more|previous|latest|older) (?:articles|posts|stories|tutorials|writing|work)\\b.{0,120}",
        "words": [
          "other",
          "more",
          "previous",
          "latest",
          "older"
        ]
      }
    ],
    "companions": [
      {
        "id": "thanks-for-reading",
        "note": "\"Thanks for reading!\", \"Thank you so much for taking your time to read this.\" — a sign-off that goes with a prompt beside it, never alone.",
        "pattern": "(?:(?:thanks?|thank you)(?: (?:so|very) much)?(?: again)?(?: all| everyone| everybody)?|many thanks|much appreciated)(?: (?:for|4) (?:reading|stopping by|your time|your attention|watching|listening|following along|sticking around|making it (?:this far|to the end)|taking\\b.{0,80}|your support\\b.{0,40}|visiting\\b.{0,40}))?",
        "words": [
          "thank",
          "much appreciated"
        ]
      },
      {
        "id": "thanks-for-reading-publication",
        "note": "\"Thanks for reading The Ledger!\" — Substack's sign-off naming the publication (at most six words); like \"Thanks for reading!\" it goes only with a prompt beside it (\"Subscribe for free to receive new posts…\"), never alone.",
        "pattern": "(?:thanks?|thank you)(?: (?:so|very) much)? for reading (?:[\\p{L}\\p{N}&'’.-]+ ?){1,6}",
        "words": [
          "thank"
        ]
      },
      {
        "id": "thanks-intl",
        "note": "\"Merci de votre lecture\", \"Gracias por leer\", \"Danke fürs Lesen\", \"Obrigado por ler\".",
        "pattern": "merci(?: beaucoup)?(?: (?:pour|de) (?:votre|ta) lecture| d'avoir lu\\b.{0,60})?|gracias(?: por (?:leer|tu lectura)\\b.{0,60})?|danke(?: (?:fürs|für das|für's) lesen\\b.{0,40})?|obrigad[oa](?: por ler\\b.{0,60})?",
        "words": [
          "merci",
          "gracias",
          "danke",
          "obrigad"
        ]
      },
      {
        "id": "sign-off",
        "note": "\"Happy coding!\", \"Cheers\", \"See you next time\", \"Stay tuned\".",
        "pattern": "happy (?:coding|hacking|learning|reading|building|testing)|cheers|see you(?: (?:soon|next time|later|around|in the next (?:one|post|article|video|issue)))?|until next time|stay tuned|peace(?: out)?|ciao|bye|take care|enjoy",
        "words": [
          "happy",
          "cheers",
          "see you",
          "until next",
          "stay tuned",
          "peace",
          "ciao",
          "bye",
          "take care",
          "enjoy"
        ]
      },
      {
        "id": "enjoyed-question",
        "note": "\"Enjoyed this article?\", \"Found this useful?\", \"Want more?\" leading into a prompt.",
        "pattern": "(?:did you |have you )?(?:like|enjoy|love)(?:d|ed|s)? (?:this|the|what you (?:just )?read)(?: (?:post|article|story|tutorial|guide|piece))?|(?:found|find) (?:this|it) (?:useful|helpful|valuable|interesting)|(?:want|looking for|need|hungry for) more(?: (?:content|articles|posts|like this))?",
        "words": [
          "like",
          "enjoy",
          "love",
          "found",
          "find",
          "more"
        ]
      },
      {
        "id": "comment-prompt",
        "note": "\"Let me know in the comments\", \"questions, comments or feedback — add them in the comments\": asks for a reply; beside a prompt it goes, alone it stays (it invites discussion of the article).",
        "pattern": ".{0,80}\\b(?:leave|drop|add|write|post|share)\\b.{0,40}\\b(?:comments?|responses?|reply|replies|feedback|thoughts)\\b.{0,60}|let me know (?:in the comments|what you think|your thoughts|if\\b).{0,100}|(?:questions|comments|feedback)(?: .{0,80})?",
        "words": [
          "comment",
          "response",
          "repl",
          "feedback",
          "thought",
          "let me know",
          "question"
        ]
      }
    ],
    "preludes": [
      {
        "id": "conditional",
        "note": "\"If you liked this post, …\", \"And if you found this useful — …\", \"When you are done, …\": a condition leading into the prompt. Only taken off; what follows must still be a prompt.",
        "pattern": "(?:and |so |but |also )?(?:if|when|since|once) [^,;:—–.!?]{3,100}[,;:—–]\\s*",
        "words": [
          "if ",
          "when ",
          "since ",
          "once "
        ]
      },
      {
        "id": "conditional-intl",
        "note": "The same condition in French, Spanish, German and Portuguese: \"Si cet article vous a aidé, …\", \"Wenn dir der Artikel gefallen hat, …\", \"Se gostou, …\".",
        "pattern": "(?:et |y |und |e )?(?:si|wenn|falls|se) [^,;:—–.!?]{3,100}[,;:—–]\\s*",
        "words": [
          "si ",
          "wenn ",
          "falls ",
          "se "
        ]
      },
      {
        "id": "politeness",
        "note": "\"Please\", \"P.S.\", \"Oh, and\", \"Before you go:\" and the like in front of a prompt.",
        "pattern": "(?:please|kindly|and|also|or|so|oh|finally|lastly|btw|by the way|p\\.?s\\.?|ps|now|hey|psst|oh and|one more thing|one last thing|before you go|before you leave|last but not least|and finally)[,:!]?\\s+",
        "words": [
          "please",
          "kindly",
          "and",
          "also",
          "or",
          "so",
          "oh",
          "finally",
          "lastly",
          "btw",
          "by the way",
          "p.s",
          "ps",
          "now",
          "hey",
          "psst",
          "one more",
          "one last",
          "before you",
          "last but"
        ]
      },
      {
        "id": "modal",
        "note": "\"You can\", \"Feel free to\", \"Don't forget to\", \"Consider\", \"I'd love it if you\" in front of a prompt.",
        "pattern": "(?:you can (?:also )?|you could (?:also )?|you may (?:also )?(?:want|wish|like) to |feel free to |don'?t forget to |do not forget to |be sure to |make sure to |remember to |why not |consider |go ahead and |do |i'?d (?:really )?(?:love|appreciate it) if you(?: could| would)? |i would (?:really )?(?:love|appreciate it) if you(?: could| would)? |it would (?:mean a lot|help(?: me)?(?: a lot)?) if you(?: could| would)? |would you (?:mind )?)",
        "words": [
          "you can",
          "you could",
          "you may",
          "feel free",
          "forget",
          "be sure",
          "make sure",
          "remember",
          "why not",
          "consider",
          "go ahead",
          "do ",
          "i'd",
          "i would",
          "it would",
          "would you"
        ]
      },
      {
        "id": "thanks-lead",
        "note": "\"Thanks for reading, and …\" leading into a prompt in the same sentence.",
        "pattern": "(?:thanks?|thank you)(?: (?:so|very) much)?(?: again)? for (?:reading|stopping by|your time|watching|listening)(?:,? and\\s+|[,!—–-]\\s*)",
        "words": [
          "thank"
        ]
      }
    ],
    "donationHosts": [
      {
        "id": "ko-fi",
        "note": "Ko-fi tip pages.",
        "host": "ko-fi.com"
      },
      {
        "id": "patreon",
        "note": "Patreon creator pages.",
        "host": "patreon.com"
      },
      {
        "id": "paypal-me",
        "note": "PayPal.me payment links.",
        "host": "paypal.me"
      },
      {
        "id": "paypal-donate",
        "note": "PayPal donation buttons and old PayPal.me paths.",
        "host": "paypal.com",
        "path": "^/(?:donate|paypalme|cgi-bin/webscr)"
      },
      {
        "id": "buy-me-a-coffee",
        "note": "Buy Me a Coffee pages.",
        "host": "buymeacoffee.com"
      },
      {
        "id": "github-sponsors",
        "note": "GitHub Sponsors profiles (github.com/sponsors/<user>).",
        "host": "github.com",
        "path": "^/sponsors/"
      },
      {
        "id": "liberapay",
        "note": "Liberapay donation pages.",
        "host": "liberapay.com"
      },
      {
        "id": "open-collective",
        "note": "Open Collective pages.",
        "host": "opencollective.com"
      }
    ],
    "donationWords": "\\b(?:support|donat|tips?\\b|sponsor|coffee|contribut|patron|fund|chip in)",
    "headings": [
      {
        "id": "support",
        "note": "\"Support\", \"Support me\", \"Support the blog\", \"Buy me a coffee\", \"Donate\", \"Sponsors\" (only over blocks that all went, so a \"Support\" section about customer support stays).",
        "pattern": "support(?: (?:me|us|my work|this blog|the (?:blog|author|project|channel)))?|buy me a coffee|donate|donations?|sponsors?|sponsorship"
      },
      {
        "id": "connect",
        "note": "\"Stay in touch\", \"Let's connect\", \"Follow me\", \"Find me online\".",
        "pattern": "stay in touch|keep in touch|let'?s (?:connect|keep in touch|stay in touch|stay connected)|connect with me|follow me|find me (?:online|elsewhere)"
      },
      {
        "id": "newsletter",
        "note": "\"Newsletter\", \"Subscribe\", \"Join my newsletter\".",
        "pattern": "(?:join|get|subscribe to) (?:my|our|the) newsletter|newsletter|subscribe"
      },
      {
        "id": "before-you-go",
        "note": "\"Before you go\", \"One more thing\", \"Thanks for reading\", \"Enjoyed this article?\" — only when every block under it went.",
        "pattern": "before you (?:go|leave|say goodbye)|one (?:last|more) thing|thanks? (?:you )?for reading|(?:did you )?(?:like|enjoy)(?:d)? (?:this|what you read)(?: (?:post|article|story))?"
      }
    ]
  },
  "duplicateParagraph": {
    "minLength": 120,
    "minWords": 20,
    "introParagraphs": 3,
    "outroBlocks": 5,
    "minIntroLength": 60,
    "minIntroWords": 10
  },
  "feedFooter": {
    "tailBlocks": 4,
    "maxLength": 400,
    "patterns": [
      {
        "id": "appeared-first-on",
        "note": "Feed aggregators and scrapers: \"This post appeared first on \"Feed\". Read the entire article here\" (the words \"Read the entire article here\" are the link to the original), \"This article first appeared in X.\"",
        "pattern": "(?:this|the) (?:post|article|story|entry|piece|item|blog post) (?:appeared first|first appeared|was first published|was published first|was first posted|first ran) (?:on|in|at) (?:\"[^\"]{1,100}\"|(?:[^,;.!?]|[.!?](?=\\S)){1,120})[.!]?(?: (?:read|view|see|continue reading)(?: the)? (?:entire|full|whole|complete|original|rest of the) (?:article|post|story|piece|text)(?: here| there| (?:on|at|in|over at|over on) (?:\"[^\"]{1,100}\"|(?:[^,;.!?]|[.!?](?=\\S)){1,120}))?[.!:]?)?",
        "words": [
          "appeared first",
          "first appeared",
          "first published",
          "published first",
          "first posted",
          "first ran"
        ],
        "trailing": true
      },
      {
        "id": "wordpress-en",
        "note": "WordPress adds \"The post <title> appeared first on <site>.\" to every item of its RSS feed; scrapers of feeds keep it (as HTML or Markdown links).",
        "pattern": "the post (?:(?!appeared first on).){1,300}? appeared first on (?:\"[^\"]{1,100}\"|(?:[^,;.!?]|[.!?](?=\\S)){1,120})[.!]?",
        "words": [
          "appeared first on"
        ],
        "trailing": true
      },
      {
        "id": "wordpress-de",
        "note": "The same WordPress feed footer in German: \"Der Beitrag <title> erschien zuerst auf <site>.\"",
        "pattern": "der beitrag (?:(?!erschien zuerst auf).){1,300}? erschien zuerst auf (?:\"[^\"]{1,100}\"|(?:[^,;.!?]|[.!?](?=\\S)){1,120})[.!]?",
        "words": [
          "erschien zuerst auf"
        ],
        "trailing": true
      },
      {
        "id": "wordpress-es",
        "note": "The WordPress feed footer in Spanish: \"La entrada <title> se publicó primero en <site>.\"",
        "pattern": "la entrada (?:(?!se public[oó] primero en).){1,300}? se public[oó] primero en (?:\"[^\"]{1,100}\"|(?:[^,;.!?]|[.!?](?=\\S)){1,120})[.!]?",
        "words": [
          "primero en"
        ],
        "trailing": true
      },
      {
        "id": "wordpress-pt",
        "note": "The WordPress feed footer in Portuguese: \"O post <title> apareceu primeiro em <site>.\" (Brazil), \"O artigo <title> apareceu primeiro em <site>.\"",
        "pattern": "o (?:post|artigo) (?:(?!apareceu primeiro|foi publicado primeiro|apareceu pela primeira vez).){1,300}? (?:apareceu primeiro|foi publicado primeiro|apareceu pela primeira vez) (?:em|no|na) (?:\"[^\"]{1,100}\"|(?:[^,;.!?]|[.!?](?=\\S)){1,120})[.!]?",
        "words": [
          "primeiro",
          "pela primeira vez"
        ],
        "trailing": true
      },
      {
        "id": "wordpress-fr",
        "note": "The WordPress feed footer in French: \"L'article <title> est apparu en premier sur <site>.\"",
        "pattern": "l'article (?:(?!est apparu en premier sur).){1,300}? est apparu en premier sur (?:\"[^\"]{1,100}\"|(?:[^,;.!?]|[.!?](?=\\S)){1,120})[.!]?",
        "words": [
          "est apparu en premier"
        ],
        "trailing": true
      },
      {
        "id": "wordpress-it",
        "note": "The WordPress feed footer in Italian: \"L'articolo <title> sembra essere il primo su <site>.\" (older) and \"L'articolo <title> proviene da <site>.\" (newer).",
        "pattern": "l'articolo (?:(?!sembra essere il primo su|proviene da).){1,300}? (?:sembra essere il primo su|proviene da) (?:\"[^\"]{1,100}\"|(?:[^,;.!?]|[.!?](?=\\S)){1,120})[.!]?",
        "words": [
          "sembra essere il primo",
          "proviene da"
        ],
        "trailing": true
      },
      {
        "id": "wordpress-nl",
        "note": "The WordPress feed footer in Dutch: \"Het bericht <title> verscheen eerst op <site>.\"",
        "pattern": "het (?:bericht|artikel) (?:(?!verscheen eerst op).){1,300}? verscheen eerst op (?:\"[^\"]{1,100}\"|(?:[^,;.!?]|[.!?](?=\\S)){1,120})[.!]?",
        "words": [
          "verscheen eerst op"
        ],
        "trailing": true
      },
      {
        "id": "originally-published",
        "note": "Cross-post footers with a subject: \"This article was originally published on my blog.\" (Hashnode, dev.to), \"This post was first posted at example.com on May 3, 2019.\" No link needed: the subject (\"this article\") says it is about the post itself. A reprint notice (\"… originally published in The Courier in 1962 and is reproduced here with permission\") is a licence notice and stays.",
        "pattern": "(?:this|the|my|our) (?:original )?(?:post|article|story|piece|essay|entry|tutorial|guide|blog post|interview|write-?up|review|newsletter issue) (?:was|is|has been|had been) (?:(?:originally|first|initially) (?:published|posted|written|shared|featured|appeared)|(?:published|posted|appeared) (?:originally|first|initially)) (?:on|at|in|to|by|over at|over on|for) (?![^;!?]*\\b(?:permission|reproduced|reprinted|licen[cs]e[ds]?)\\b)(?:[^,;.!?]|[.!?](?=\\S)){1,80}(?:,? (?:on|in|le|en|am|im|el|em|il|op) [^,;.!?]{1,20}?,? \\d{4})?[.!]?(?: (?:read|view|see|continue reading)(?: the)? (?:entire|full|whole|complete|original|rest of the) (?:article|post|story|piece|text)(?: here| there| (?:on|at|in|over at|over on) (?:\"[^\"]{1,100}\"|(?:[^,;.!?]|[.!?](?=\\S)){1,120}))?[.!:]?)?",
        "words": [
          "originally",
          "first",
          "initially"
        ]
      },
      {
        "id": "originally-published-at",
        "note": "Medium's export footer \"Originally published at example.com on May 3, 2018.\" and the like. Without a subject these words also start real sentences, so the block must hold a link (Medium always links the original).",
        "pattern": "(?:originally|first|initially) (?:published|posted|appeared|written|shared) (?:on|at|in|to|by|over at|over on) (?:[^,;.!?]|[.!?](?=\\S)){1,80}(?:,? (?:on|in|le|en|am|im|el|em|il|op) [^,;.!?]{1,20}?,? \\d{4})?[.!]?",
        "needsLink": true,
        "words": [
          "originally",
          "first",
          "initially"
        ]
      },
      {
        "id": "originally-published-on-platform",
        "note": "\"Originally published on Medium.\" without a link: the place is a blogging platform or the author's own blog, which no real sentence names in these words alone.",
        "pattern": "(?:originally|first|initially) (?:published|posted|appeared) (?:on|at|in) (?:medium|dev\\.to|hashnode|substack|hacker ?noon|linkedin|blogger|wordpress|tumblr|my (?:personal )?(?:blog|website|site|newsletter|substack)|our (?:blog|website|site)|the author's (?:blog|website|site))(?: \\(?[\\w./-]+\\)?)?(?:,? (?:on|in) [^,;.!?]{1,20}?,? \\d{4})?[.!]?",
        "words": [
          "originally",
          "first",
          "initially"
        ]
      },
      {
        "id": "cross-posted",
        "note": "\"Cross-posted from my blog.\", \"This post was syndicated from example.com.\" (but not \"Reprinted with permission\", which may be a licence notice).",
        "pattern": "(?:(?:this|the) (?:post|article|story|piece) (?:is|was|has been) )?(?:cross-?posted|re-?posted|syndicated) (?:from|to|on|at|here from) (?:\"[^\"]{1,100}\"|(?:[^,;.!?]|[.!?](?=\\S)){1,120})[.!]?",
        "words": [
          "posted",
          "syndicated"
        ]
      },
      {
        "id": "also-published",
        "note": "\"Also published here.\" (HackerNoon) and \"This post is also available on Medium.\" with a link to the other copy.",
        "pattern": "(?:(?:this|the) (?:post|article|story|piece) (?:is|was) )?also (?:published|posted|available) (?:here|(?:on|at|in|over at|over on) (?:\"[^\"]{1,100}\"|(?:[^,;.!?]|[.!?](?=\\S)){1,120}))[.!]?",
        "needsLink": true,
        "words": [
          "also published",
          "also posted",
          "also available"
        ]
      },
      {
        "id": "read-entire-article",
        "note": "A feed item's link to the original standing alone: \"[Read the entire article](…)\", \"Read the full story at Example News\". It must hold a link and say the full/entire/original article, so \"[Read the full tutorial on Jesse's blog](…)\" and other links to sources stay.",
        "pattern": "(?:read|view|see|continue reading)(?: the)? (?:entire|full|whole|complete|original|rest of the) (?:article|post|story|piece|text)(?: here| there| (?:on|at|in|over at|over on) (?:\"[^\"]{1,100}\"|(?:[^,;.!?]|[.!?](?=\\S)){1,120}))?[.!:]?(?: ?[→»›]+|\\.{3}|…)?",
        "needsLink": true,
        "words": [
          "entire",
          "full",
          "whole",
          "complete",
          "original",
          "rest of the"
        ]
      },
      {
        "id": "continue-reading",
        "note": "A feed excerpt's \"Continue reading →\" / \"Read more »\" link closing the article. Must be a link; the link-farm rule handles a \"Read more:\" label over a list.",
        "pattern": "(?:continue reading|keep reading|read more|read the rest)(?: here| (?:on|at) (?:\"[^\"]{1,100}\"|(?:[^,;.!?]|[.!?](?=\\S)){1,120}))?[.!:]?(?: ?[→»›]+|\\.{3}|…)?",
        "needsLink": true,
        "words": [
          "continue reading",
          "keep reading",
          "read more",
          "read the rest"
        ]
      },
      {
        "id": "originally-published-fr",
        "note": "Cross-post footers in French: \"Cet article est paru sur X.\", \"Article publié initialement sur X le 3 mai 2019.\", \"Publié à l'origine sur X.\"",
        "pattern": "(?:(?:cet |l')?article (?:est paru|a (?:d'abord |initialement )?été (?:publié|posté)|publié|paru) (?:initialement |d'abord |en premier |à l'origine |originellement )?|(?:publié|paru|posté) (?:initialement|d'abord|à l'origine|originellement|en premier) )(?:sur|dans|chez) (?:[^,;.!?]|[.!?](?=\\S)){1,80}(?:,? (?:le|en) [^,;.!?]{1,20}?,? \\d{4})?[.!]?",
        "words": [
          "paru",
          "publié",
          "posté"
        ]
      },
      {
        "id": "originally-published-de",
        "note": "Cross-post footers in German: \"Dieser Artikel erschien zuerst auf X.\", \"Ursprünglich veröffentlicht auf X.\", \"Dieser Beitrag wurde ursprünglich auf X veröffentlicht.\"",
        "pattern": "(?:(?:dieser |der )?(?:artikel|beitrag|text) (?:erschien|ist) (?:zuerst|ursprünglich|erstmals) (?:erschienen )?|(?:zuerst|ursprünglich|erstmals) (?:erschienen|veröffentlicht|publiziert) )(?:auf|in|bei|im) (?:[^,;.!?]|[.!?](?=\\S)){1,80}(?:,? (?:am|im) [^,;.!?]{1,20}?,? \\d{4})?[.!]?|(?:dieser |der )?(?:artikel|beitrag|text) wurde (?:zuerst|ursprünglich|erstmals) (?:auf|in|bei|im) (?:[^,;.!?]|[.!?](?=\\S)){1,80} (?:veröffentlicht|publiziert)[.!]?",
        "words": [
          "zuerst",
          "ursprünglich",
          "erstmals"
        ]
      },
      {
        "id": "originally-published-es",
        "note": "Cross-post footers in Spanish: \"Este artículo fue publicado originalmente en X.\", \"Publicado originalmente en X.\"",
        "pattern": "(?:(?:este |el )?(?:artículo|articulo|post|texto) (?:fue |se )?)?(?:publicado|publicó|publico|apareció|aparecio) (?:originalmente|primero|inicialmente|por primera vez) en (?:[^,;.!?]|[.!?](?=\\S)){1,80}(?:,? (?:el|en) [^,;.!?]{1,20}?,? \\d{4})?[.!]?",
        "words": [
          "originalmente",
          "primero",
          "inicialmente",
          "por primera vez"
        ]
      },
      {
        "id": "originally-published-pt",
        "note": "Cross-post footers in Portuguese: \"Este artigo foi publicado originalmente em X.\", \"Publicado originalmente no X.\"",
        "pattern": "(?:(?:este |o )?(?:artigo|post|texto) (?:foi )?)?(?:publicado|postado) (?:originalmente|primeiro|inicialmente|pela primeira vez) (?:em|no|na) (?:[^,;.!?]|[.!?](?=\\S)){1,80}(?:,? (?:em) [^,;.!?]{1,20}?,? \\d{4})?[.!]?",
        "words": [
          "originalmente",
          "primeiro",
          "inicialmente",
          "pela primeira vez"
        ]
      },
      {
        "id": "originally-published-it",
        "note": "Cross-post footers in Italian: \"Questo articolo è stato pubblicato originariamente su X.\", \"Pubblicato originariamente su X.\"",
        "pattern": "(?:(?:questo |l')?(?:articolo|post) (?:è stato |e stato )?)?(?:pubblicato|apparso) (?:originariamente|originalmente|per la prima volta|inizialmente) (?:su|in|sul|sulla) (?:[^,;.!?]|[.!?](?=\\S)){1,80}(?:,? (?:il) [^,;.!?]{1,20}?,? \\d{4})?[.!]?",
        "words": [
          "originariamente",
          "originalmente",
          "per la prima volta",
          "inizialmente"
        ]
      },
      {
        "id": "newsletter-unsubscribe",
        "note": "The mailing footer of a newsletter issue saved from email or its web archive: \"You are receiving this because you subscribed at example.com. Unsubscribe · View in browser\" (Mailchimp, Buttondown, Substack, Revue). Only the whole block; a sentence about unsubscribing inside the article stays.",
        "pattern": "(?:you(?:'|’)?re|you are) receiving this (?:e-?mail |newsletter |message )?because (?:[^.!?]|[.!?](?=\\S)){1,160}[.!]?(?: (?:unsubscribe|view (?:it )?in (?:your )?browser|view online|manage (?:your )?(?:subscription|preferences)|update (?:your )?preferences)(?: ?[·|•–-] ?(?:unsubscribe|view (?:it )?in (?:your )?browser|view online|manage (?:your )?(?:subscription|preferences)|update (?:your )?preferences))*[.!]?)?",
        "words": [
          "receiving this",
          "unsubscribe"
        ]
      }
    ]
  },
  "filterList": {
    "siteKeys": [
      "canonical",
      "canonical_url",
      "url",
      "link",
      "permalink",
      "original_url",
      "source_url",
      "external_url"
    ]
  },
  "frontmatter": {
    "dropEmpty": true,
    "keys": [
      {
        "id": "title",
        "note": "The article's title.",
        "key": "title",
        "type": "string",
        "required": true
      },
      {
        "id": "slug",
        "note": "The URL slug; derived from the title or file name only with `--derive slug`.",
        "key": "slug",
        "type": "string"
      },
      {
        "id": "date",
        "note": "Publication date. Written as ISO 8601; a date-time without a zone is taken in the default zone.",
        "key": "date",
        "type": "date",
        "aliases": [
          "published",
          "publishDate",
          "publish_date",
          "pubDate",
          "published_at",
          "publishedAt",
          "date_published",
          "datePublished",
          "created",
          "created_at",
          "createdAt"
        ]
      },
      {
        "id": "updated",
        "note": "Last-modified date, written like `date`.",
        "key": "updated",
        "type": "date",
        "aliases": [
          "lastmod",
          "modified",
          "last_modified",
          "last_modified_at",
          "lastModified",
          "updated_at",
          "updatedAt",
          "updatedDate",
          "date_modified",
          "dateModified"
        ]
      },
      {
        "id": "author",
        "note": "Kept as written (a name, a list of names, or an object).",
        "key": "author",
        "type": "any"
      },
      {
        "id": "description",
        "note": "The summary shown in listings and search results.",
        "key": "description",
        "type": "string",
        "aliases": [
          "meta_description",
          "metaDescription",
          "seo_description",
          "seoDescription",
          "seo_desc"
        ]
      },
      {
        "id": "summary",
        "note": "Often a copy of `description` (see `duplicates`).",
        "key": "summary",
        "type": "string"
      },
      {
        "id": "excerpt",
        "note": "Often a copy of `description` (see `duplicates`).",
        "key": "excerpt",
        "type": "string"
      },
      {
        "id": "tags",
        "note": "A list; one comma string is split, items trimmed, repeats and Ghost `{name, slug}` objects reduced.",
        "key": "tags",
        "type": "list",
        "aliases": [
          "tag"
        ],
        "split": "\\s*,\\s*"
      },
      {
        "id": "categories",
        "note": "A list, normalised like `tags`.",
        "key": "categories",
        "type": "list",
        "aliases": [
          "category"
        ],
        "split": "\\s*,\\s*"
      },
      {
        "id": "keywords",
        "note": "Hexo exports write keywords as one string, separated by commas (also full-width) or semicolons; leaked prompt text goes.",
        "key": "keywords",
        "type": "list",
        "aliases": [
          "keyword",
          "meta_keywords",
          "seo_keywords"
        ],
        "split": "\\s*[,，;；]\\s*",
        "transforms": [
          "split",
          "names",
          "trim",
          "collapse",
          "dedupe",
          "prompt-text"
        ]
      },
      {
        "id": "image",
        "note": "The cover picture; tracking parameters go from its URL.",
        "key": "image",
        "type": "url",
        "aliases": [
          "images",
          "thumbnail",
          "cover",
          "cover_image",
          "coverImage",
          "featured_image",
          "featuredImage",
          "feature_image",
          "featureImage",
          "heroImage",
          "hero_image",
          "og_image",
          "ogImage",
          "banner"
        ]
      },
      {
        "id": "canonical-url",
        "note": "Where the article first appeared; tracking parameters go from it.",
        "key": "canonical_url",
        "type": "url",
        "aliases": [
          "canonical",
          "canonicalURL",
          "canonicalUrl",
          "canonical_link",
          "originalURL",
          "original_url",
          "original_link"
        ]
      },
      {
        "id": "lang",
        "note": "The article's language.",
        "key": "lang",
        "type": "string",
        "aliases": [
          "language",
          "locale"
        ]
      },
      {
        "id": "draft",
        "note": "`\"true\"`/`\"yes\"` strings become booleans.",
        "key": "draft",
        "type": "boolean"
      }
    ],
    "duplicates": [
      {
        "id": "excerpt-same-as-description",
        "note": "Hexo exports repeat the description as excerpt; one copy is enough.",
        "drop": "excerpt",
        "sameAs": "description"
      },
      {
        "id": "summary-same-as-description",
        "note": "Exporters that fill both write the same text twice.",
        "drop": "summary",
        "sameAs": "description"
      }
    ],
    "promptText": {
      "keys": [
        "keywords"
      ],
      "maxWords": 14,
      "patterns": [
        {
          "id": "colon-heading",
          "note": "An item ending with a colon is a prompt's step heading, not a keyword.",
          "pattern": "[:：]\\s*$"
        },
        {
          "id": "assistant-reply",
          "note": "The model's reply leaked in.",
          "pattern": "^(?:sure|certainly|of course|here (?:are|is)|as an ai|i(?:'|’)?m sorry)\\b"
        },
        {
          "id": "long-tail-instruction",
          "note": "The instruction itself.",
          "pattern": "\\blong-tail keywords?\\b"
        },
        {
          "id": "imperative-instruction",
          "note": "\"Analyze the main topics of the title\", \"Generate keywords for …\".",
          "pattern": "^(?:analy[sz]e|determine|identify|generate|write|list|create|provide|extract)\\b.*\\b(?:title|topics?|keywords?|aspects?|benefits?)\\b"
        }
      ]
    },
    "dialects": [
      {
        "id": "hugo",
        "note": "Hugo reads `lastmod` and `images` (a list) in its own templates; TOML frontmatter stays TOML.",
        "url": "https://gohugo.io/content-management/front-matter/",
        "dateFormat": "YYYY-MM-DDTHH:mm:ss[.SSS]Z",
        "keys": [
          {
            "field": "title"
          },
          {
            "field": "slug"
          },
          {
            "field": "date"
          },
          {
            "field": "updated",
            "key": "lastmod"
          },
          {
            "field": "author"
          },
          {
            "field": "description"
          },
          {
            "field": "summary"
          },
          {
            "field": "tags"
          },
          {
            "field": "categories"
          },
          {
            "field": "keywords"
          },
          {
            "field": "image",
            "key": "images",
            "shape": "list"
          },
          {
            "field": "draft"
          }
        ],
        "keepToml": true,
        "reads": {
          "dates": [
            {
              "id": "rfc-3339",
              "note": "`2023-10-15T13:18:50-07:00`, also with `-0700`, `Z`, or no zone; seconds are required.",
              "pattern": "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?$"
            },
            {
              "id": "date",
              "note": "`2023-10-15`.",
              "pattern": "^\\d{4}-\\d{2}-\\d{2}$"
            },
            {
              "id": "date-space-time",
              "note": "`2023-10-15 13:18:50`, also with ` -07:00`, ` -0700`, `-07:00` or `Z`.",
              "pattern": "^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?: ?[+-]\\d{2}:?\\d{2}|Z)?$"
            },
            {
              "id": "day-month-year",
              "note": "`15 Oct 2023`.",
              "pattern": "^\\d{2} [a-z]{3} \\d{4}$"
            },
            {
              "id": "rfc-1123",
              "note": "`Sun, 15 Oct 2023 13:18:50 -0700` (or a zone abbreviation).",
              "pattern": "^[a-z]{3}, \\d{2} [a-z]{3} \\d{4} \\d{2}:\\d{2}:\\d{2} (?:[+-]\\d{4}|[a-z]{3,4})$"
            }
          ],
          "stringLists": [
            {
              "keys": [
                "tags",
                "categories"
              ],
              "as": "item"
            }
          ]
        }
      },
      {
        "id": "jekyll",
        "note": "Jekyll's own keys plus jekyll-seo-tag's (`image`, `canonical_url`, `last_modified_at`).",
        "url": "https://jekyllrb.com/docs/front-matter/",
        "dateFormat": "YYYY-MM-DD HH:mm:ss ZZ",
        "keys": [
          {
            "field": "title"
          },
          {
            "field": "date"
          },
          {
            "field": "updated",
            "key": "last_modified_at"
          },
          {
            "field": "author"
          },
          {
            "field": "description"
          },
          {
            "field": "excerpt"
          },
          {
            "field": "categories"
          },
          {
            "field": "tags"
          },
          {
            "field": "image",
            "shape": "single"
          },
          {
            "field": "canonical_url"
          },
          {
            "field": "lang"
          }
        ],
        "reads": {
          "dates": [
            {
              "id": "documented",
              "note": "`YYYY-MM-DD HH:MM:SS +/-TTTT`, where hours, minutes, seconds and the offset are optional (jekyllrb.com/docs/front-matter).",
              "pattern": "^\\d{4}-\\d{2}-\\d{2}(?: \\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?: ?(?:[+-]\\d{2}:?\\d{2}|Z|UTC|GMT))?)?$"
            },
            {
              "id": "iso-8601",
              "note": "`2024-05-02T09:30:00+02:00`, with or without seconds or zone.",
              "pattern": "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?$"
            }
          ],
          "stringLists": [
            {
              "keys": [
                "categories",
                "tags"
              ],
              "as": "words"
            },
            {
              "keys": [
                "category",
                "tag"
              ],
              "as": "item"
            }
          ]
        }
      },
      {
        "id": "hexo",
        "note": "Hexo's own keys; dates are written in the default zone without an offset, as Hexo reads them in the site's `timezone`.",
        "url": "https://hexo.io/docs/front-matter",
        "dateFormat": "YYYY-MM-DD HH:mm:ss",
        "keys": [
          {
            "field": "title"
          },
          {
            "field": "date"
          },
          {
            "field": "updated"
          },
          {
            "field": "description"
          },
          {
            "field": "excerpt"
          },
          {
            "field": "tags"
          },
          {
            "field": "categories"
          },
          {
            "field": "keywords"
          },
          {
            "field": "image",
            "key": "thumbnail",
            "shape": "single"
          },
          {
            "field": "lang"
          }
        ],
        "reads": {
          "dates": [
            {
              "id": "numeric",
              "note": "`2024-08-12 22:40:00` (the default `date_format`/`time_format`), `2013/7/13 20:46:25` (the docs' example), `2024-08-12T22:40`.",
              "pattern": "^\\d{4}([-/])\\d{1,2}\\1\\d{1,2}(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?$"
            },
            {
              "id": "month-name",
              "note": "`Jul 08 2022`, `July 8, 2022 10:30 AM`, `8 July 2022` (no ordinals: JavaScript does not read `March 5th`).",
              "pattern": "^(?:[a-z]+\\.?,? )?(?:[a-z]{3,9}\\.? \\d{1,2},?|\\d{1,2} [a-z]{3,9}\\.?,?) \\d{4}(?:,? \\d{1,2}:\\d{2}(?::\\d{2})?(?: ?[ap]m)?)?$"
            }
          ],
          "stringLists": [
            {
              "keys": [
                "tags",
                "categories",
                "tag",
                "category"
              ],
              "as": "item"
            }
          ],
          "emptyKeys": [
            "tags",
            "categories"
          ]
        }
      },
      {
        "id": "astro",
        "note": "The fields of Astro's blog starter (`pubDate`, `updatedDate`, `heroImage`).",
        "url": "https://docs.astro.build/en/guides/content-collections/",
        "dateFormat": "YYYY-MM-DDTHH:mm:ss[.SSS]Z",
        "keys": [
          {
            "field": "title"
          },
          {
            "field": "description"
          },
          {
            "field": "date",
            "key": "pubDate"
          },
          {
            "field": "updated",
            "key": "updatedDate"
          },
          {
            "field": "image",
            "key": "heroImage",
            "shape": "single"
          },
          {
            "field": "tags"
          },
          {
            "field": "draft"
          }
        ],
        "required": [
          "title",
          "date"
        ],
        "reads": {
          "dates": [
            {
              "id": "numeric",
              "note": "`2022-07-08`, `2022-07-08T10:30:00Z`, `2022-07-08 10:30 +02:00`, `2022/7/8`.",
              "pattern": "^\\d{4}([-/])\\d{1,2}\\1\\d{1,2}(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?: ?(?:Z|[+-]\\d{2}:?\\d{2}))?)?$"
            },
            {
              "id": "month-name",
              "note": "`Jul 08 2022` (the starter's own), `July 8, 2022 10:30 AM`, `8 July 2022`.",
              "pattern": "^(?:[a-z]+\\.?,? )?(?:[a-z]{3,9}\\.? \\d{1,2},?|\\d{1,2} [a-z]{3,9}\\.?,?) \\d{4}(?:,? \\d{1,2}:\\d{2}(?::\\d{2})?(?: ?[ap]m)?)?$"
            },
            {
              "id": "rfc-2822",
              "note": "`Fri, 08 Jul 2022 10:30:00 GMT`.",
              "pattern": "^(?:[a-z]{3}, )?\\d{1,2} [a-z]{3} \\d{4} \\d{2}:\\d{2}(?::\\d{2})? (?:[+-]\\d{4}|gmt|ut|utc|z)$"
            }
          ]
        }
      }
    ]
  },
  "linkFarm": {
    "labels": [
      {
        "id": "also-read",
        "note": "English labels of related-posts boxes: \"Also read\", \"Read more\", \"Related posts\", \"See also\", \"You may also like\", \"Recommended\", \"More from …\", \"Read next\". The whole label text must match, so a sentence that starts the same way (\"See also the manual\") is not a label. \"Further reading\" is a keep label instead (a real reading list).",
        "pattern": "^(?:also\\s+read|read\\s+also|see\\s+also|read\\s+next|read\\s+this\\s+next|up\\s+next|what\\s+to\\s+read\\s+next|keep\\s+reading|read\\s+more|more\\s+to\\s+read|you\\s+(?:may|might|will|could)\\s+also\\s+(?:like|love|enjoy|be\\s+interested\\s+in)|you\\s+(?:may|might)\\s+be\\s+interested\\s+in|related(?:\\s+(?:posts?|articles?|stories|reads?|reading|content|guides?|news|topics|tutorials|videos))?|recommended(?:\\s+(?:posts?|articles?|stories|reading|reads|for\\s+you))?|more\\s+(?:from|on|about|in)\\s+.+|more\\s+(?:articles?|posts?|stories|guides|like\\s+this)|popular\\s+(?:posts?|articles?|stories)|trending(?:\\s+(?:posts?|articles?|stories|now))?|don['’]?t\\s+miss|other\\s+(?:posts?|articles?|stories)(?:\\s+you\\s+(?:may|might)\\s+(?:like|enjoy))?)\\s*[:：]?$"
      },
      {
        "id": "wordpress-share",
        "note": "Jetpack's share box as scraped from WordPress: the heading \"Share this:\" (and its translations \"Partager :\", \"Compartir esto:\", \"Teilen mit:\", \"Compartilhe isso:\", \"Condividi:\") over links that only share the page (\"Click to share on X (Opens in new window)\").",
        "pattern": "^(?:share\\s+this|partager|compartir\\s+esto|teilen\\s+mit|compartilhe\\s+isso|condividi)\\s*[:：]?$"
      },
      {
        "id": "also-read-cjk",
        "note": "Chinese labels, simplified and traditional: \"related articles\" (相关文章), \"further/recommended/related reading\" (延伸阅读, 推荐阅读, 相关阅读), \"related recommendations\", \"you may also like\" (猜你喜欢), \"popular articles\", \"read more\", \"past issues\". 延伸阅读 is kept as a farm label: on Chinese sites it is the related-posts box, not a bibliography.",
        "pattern": "^(?:相關文章|相关文章|延伸閱讀|延伸阅读|推薦閱讀|推荐阅读|相關閱讀|相关阅读|相關推薦|相关推荐|猜你喜歡|猜你喜欢|熱門文章|热门文章|熱門推薦|热门推荐|你可能也喜歡|你可能也喜欢|你可能感興趣|你可能感兴趣|推薦文章|推荐文章|更多文章|閱讀更多|阅读更多|往期回顧|往期回顾|相關內容|相关内容|精彩推薦|精彩推荐|相關新聞|相关新闻)\\s*[:：]?$"
      },
      {
        "id": "also-read-fr",
        "note": "French: \"Lire aussi\", \"À lire aussi\", \"À lire également\", \"Voir aussi\", \"Articles similaires\", \"Sur le même sujet\", \"Vous aimerez aussi\", \"Lire la suite\".",
        "pattern": "^(?:(?:à|a)\\s+lire\\s+(?:aussi|également|egalement)|lire\\s+(?:aussi|également|egalement|la\\s+suite)|(?:à\\s+)?voir\\s+(?:aussi|également)|(?:à|a)\\s+découvrir\\s+(?:aussi|également)|articles?\\s+(?:similaires|liés|connexes|recommandés)|sur\\s+le\\s+même\\s+(?:sujet|thème)|dans\\s+la\\s+même\\s+rubrique|vous\\s+(?:aimerez|pourriez|allez)\\s+(?:aussi|également)(?:\\s+aimer)?|(?:ça|cela|ceci)\\s+pourrait\\s+vous\\s+intéresser|plus\\s+d['’]articles)\\s*[:：]?$"
      },
      {
        "id": "also-read-es",
        "note": "Spanish: \"Leer también\", \"Lee también\", \"Te puede interesar\", \"Artículos relacionados\", \"Ver también\", \"Sigue leyendo\", \"Te recomendamos\".",
        "pattern": "^(?:le(?:e|er|a)\\s+también|(?:también\\s+)?(?:te|le)\\s+(?:puede|podría|pueden|podrían)\\s+interesar|quizás?\\s+te\\s+interese|(?:artículos|entradas|publicaciones|noticias|posts)\\s+relacionad[oa]s|ver\\s+también|véase\\s+también|le(?:e|er)\\s+más|sigue\\s+leyendo|más\\s+artículos|te\\s+recomendamos|también\\s+te\\s+(?:gustará|puede\\s+gustar))\\s*[:：]?$"
      },
      {
        "id": "also-read-de",
        "note": "German: \"Auch interessant\", \"Das könnte dich/Sie auch interessieren\", \"Siehe auch\", \"Mehr zum Thema\", \"Weitere Artikel\", \"Lesen Sie auch\", \"Ähnliche Beiträge\".",
        "pattern": "^(?:(?:auch|ebenfalls)\\s+interessant|das\\s+(?:könnte|dürfte)\\s+(?:dich|sie|euch)\\s+auch\\s+interessieren|siehe\\s+auch|mehr\\s+zum\\s+thema(?:\\s+.+)?|weitere\\s+(?:artikel|beiträge|news|themen)|(?:ähnliche|verwandte|empfohlene|passende)\\s+(?:artikel|beiträge)|lesen\\s+sie\\s+auch|lies\\s+auch|auch\\s+lesenswert|weiterlesen)\\s*[:：]?$"
      },
      {
        "id": "also-read-pt",
        "note": "Portuguese: \"Leia também\", \"Veja também\", \"Leia mais\", \"Artigos relacionados\", \"Confira também\", \"Você também pode gostar\".",
        "pattern": "^(?:leia\\s+(?:também|tambem|mais|ainda)|veja\\s+(?:também|tambem|mais)|confira\\s+(?:também|tambem)|(?:artigos|posts|publicações|notícias|matérias)\\s+relacionad[oa]s|você\\s+(?:também\\s+)?pode\\s+(?:gostar|se\\s+interessar)|mais\\s+(?:artigos|lidas|lidos))\\s*[:：]?$"
      },
      {
        "id": "also-read-it",
        "note": "Italian: \"Leggi anche\", \"Potrebbe interessarti\", \"Articoli correlati\", \"Vedi anche\".",
        "pattern": "^(?:leggi\\s+anche|(?:ti\\s+)?potrebbe(?:ro)?\\s+(?:interessarti|interessare|piacere)(?:\\s+anche)?|articoli\\s+correlati|vedi\\s+anche)\\s*[:：]?$"
      },
      {
        "id": "also-read-nl",
        "note": "Dutch: \"Lees ook\", \"Lees meer\", \"Zie ook\", \"Gerelateerde artikelen\", \"Ook interessant\".",
        "pattern": "^(?:lees\\s+(?:ook|meer)|zie\\s+ook|gerelateerde\\s+(?:artikelen|berichten|posts)|(?:misschien\\s+)?ook\\s+interessant)\\s*[:：]?$"
      },
      {
        "id": "also-read-ja",
        "note": "Japanese: \"related articles\" (関連記事), \"read this too\" (あわせて読みたい), \"recommended articles\", \"popular articles\".",
        "pattern": "^(?:関連記事|関連する記事|あわせて読みたい|合わせて読みたい|こちらもおすすめ|こちらの記事もおすすめ|おすすめ記事|人気記事|次に読みたい)\\s*[:：]?$"
      },
      {
        "id": "also-read-ko",
        "note": "Korean: \"related posts/articles\" (관련 글, 관련 기사), \"good to read together\" (함께 보면 좋은 글), \"recommended posts\" (추천 글).",
        "pattern": "^(?:관련\\s*(?:글|기사|포스트)|(?:함께|같이)\\s*보면\\s*좋은\\s*글|추천\\s*(?:글|기사))\\s*[:：]?$"
      },
      {
        "id": "also-read-ru",
        "note": "Russian: \"Читайте также\", \"Смотрите также\", \"Похожие статьи\", \"Ещё по теме\", \"Рекомендуем прочитать\".",
        "pattern": "^(?:читайте\\s+(?:также|тоже)|читать\\s+также|смотрите\\s+также|см\\.?\\s+также|похожие\\s+(?:статьи|записи|публикации|материалы)|рекомендуем\\s+(?:прочитать|почитать)|вам\\s+(?:может\\s+быть|будет)\\s+интересно|(?:ещё|еще)\\s+по\\s+теме|другие\\s+статьи)\\s*[:：]?$"
      },
      {
        "id": "also-read-pl",
        "note": "Polish: \"Czytaj także\", \"Zobacz także\", \"Podobne artykuły\", \"Przeczytaj też\".",
        "pattern": "^(?:(?:czytaj|przeczytaj|zobacz)\\s+(?:także|też|również)|(?:podobne|polecane)\\s+(?:artykuły|wpisy))\\s*[:：]?$"
      },
      {
        "id": "also-read-tr",
        "note": "Turkish: \"İlgili yazılar\", \"Bunlar da ilginizi çekebilir\", \"Ayrıca okuyun\".",
        "pattern": "^(?:[iİ]lgili\\s+(?:yazılar|haberler|içerikler)|bunlar\\s+da\\s+ilginizi\\s+çekebilir|ayrıca\\s+(?:okuyun|bakınız))\\s*[:：]?$"
      }
    ],
    "oneLinkLabels": [
      {
        "id": "also-read-one-link",
        "note": "News sites put \"Also read: [one sister article]\" between paragraphs. With a single link this is a farm only when the paragraph holds nothing but the label and its link, and only for these unambiguous labels (\"See also: [the manual](…)\" and \"Read more\" are real pointers and stay).",
        "pattern": "^(?:also\\s+read|read\\s+also|you\\s+(?:may|might)\\s+also\\s+like|recommended\\s+(?:reading|for\\s+you))$"
      },
      {
        "id": "also-read-one-link-fr",
        "note": "French news sites (\"Lire aussi\", \"À lire aussi\", \"À lire également\").",
        "pattern": "^(?:à\\s+)?lire\\s+(?:aussi|également)$"
      },
      {
        "id": "also-read-one-link-es",
        "note": "Spanish news sites (\"Leer también\", \"Lee también\", \"Te puede interesar\", \"También te puede interesar\").",
        "pattern": "^(?:lee(?:r)?\\s+también|(?:también\\s+)?te\\s+puede\\s+interesar)$"
      },
      {
        "id": "also-read-one-link-de",
        "note": "German news sites (\"Auch interessant\", \"Lesen Sie auch\", \"Das könnte Sie auch interessieren\").",
        "pattern": "^(?:auch\\s+interessant|lesen\\s+sie\\s+auch|lies\\s+auch|das\\s+könnte\\s+(?:sie|dich)\\s+auch\\s+interessieren)$"
      },
      {
        "id": "also-read-one-link-pt",
        "note": "Portuguese news sites (\"Leia também\", \"Veja também\", \"Leia mais\").",
        "pattern": "^(?:leia\\s+(?:também|mais)|veja\\s+também)$"
      },
      {
        "id": "also-read-one-link-it-nl",
        "note": "Italian (\"Leggi anche\") and Dutch (\"Lees ook\") news sites.",
        "pattern": "^(?:leggi\\s+anche|lees\\s+ook)$"
      },
      {
        "id": "also-read-one-link-cjk",
        "note": "Chinese and Japanese inline \"related\" labels (相关阅读, 相關閱讀, 延伸阅读, 延伸閱讀, 关联阅读, 関連記事).",
        "pattern": "^(?:相关阅读|相關閱讀|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|関連記事)$"
      }
    ],
    "keepLabels": [
      {
        "id": "further-reading",
        "note": "English labels of real lists of links chosen by the author: \"Further reading\", \"References\", \"Sources\", \"Resources\", \"Bibliography\", \"Learn more\", \"External links\", \"Notes\", \"Next steps\", \"Contents\". Never a farm label, and a block of links they introduce (as the heading of its section or the paragraph right before it) stays.",
        "pattern": "^(?:further\\s+reading|additional\\s+reading|suggested\\s+reading|(?:(?:additional|other|useful|helpful|important|more|key|official)\\s+)?(?:resources|references|sources|links)(?:\\s+(?:and|&)\\s+(?:links|further\\s+reading|resources))?|reference|source|bibliography|citations?|works\\s+cited|(?:foot)?notes|learn\\s+more|to\\s+learn\\s+more|external\\s+links|documentation|credits|acknowledge?ments|next\\s+steps|table\\s+of\\s+contents|contents|in\\s+this\\s+(?:article|post|guide))\\s*[:：]?$"
      },
      {
        "id": "further-reading-fr",
        "note": "French: \"Pour aller plus loin\", \"Références\", \"Sources\", \"Bibliographie\", \"Ressources\", \"Liens utiles\", \"En savoir plus\", \"Sommaire\".",
        "pattern": "^(?:pour\\s+aller\\s+plus\\s+loin|références|sources|bibliographie|ressources|notes|liens\\s+(?:utiles|externes)|en\\s+savoir\\s+plus|lectures?\\s+complémentaires?|sommaire|table\\s+des\\s+matières)\\s*[:：]?$"
      },
      {
        "id": "further-reading-es",
        "note": "Spanish: \"Referencias\", \"Fuentes\", \"Bibliografía\", \"Recursos\", \"Enlaces externos\", \"Más información\", \"Para saber más\", \"Índice\".",
        "pattern": "^(?:referencias|fuentes|bibliografía|recursos(?:\\s+adicionales)?|enlaces\\s+(?:externos|de\\s+interés|útiles)|más\\s+información|para\\s+saber\\s+más|lecturas?\\s+(?:adicionales|complementarias)|índice|notas)\\s*[:：]?$"
      },
      {
        "id": "further-reading-de",
        "note": "German: \"Weiterführende Links/Literatur\", \"Quellen\", \"Literatur\", \"Einzelnachweise\", \"Weblinks\", \"Nützliche Links\", \"Inhalt\".",
        "pattern": "^(?:weiterführende\\s+(?:links|literatur|informationen|lektüre)|quellen(?:angaben)?|literatur(?:verzeichnis)?|einzelnachweise|referenzen|ressourcen|nützliche\\s+links|weblinks|inhalt(?:sverzeichnis)?|anmerkungen|fußnoten)\\s*[:：]?$"
      },
      {
        "id": "further-reading-pt",
        "note": "Portuguese: \"Referências\", \"Fontes\", \"Bibliografia\", \"Recursos\", \"Links úteis\", \"Saiba mais\", \"Leitura complementar\".",
        "pattern": "^(?:referências|fontes|bibliografia|recursos|links\\s+(?:úteis|externos)|saiba\\s+mais|leitura\\s+(?:adicional|complementar)|para\\s+saber\\s+mais|índice|notas)\\s*[:：]?$"
      },
      {
        "id": "further-reading-other",
        "note": "Italian, Dutch, Russian, Chinese and Japanese reference-list labels: \"Fonti\", \"Riferimenti\", \"Approfondimenti\", \"Bronnen\", \"Источники\", \"Литература\", \"参考资料\", \"参考文献\", \"出典\", \"目录\".",
        "pattern": "^(?:fonti|riferimenti|bibliografia|risorse|approfondimenti|per\\s+approfondire|link\\s+utili|collegamenti\\s+esterni|bronnen|referenties|literatuur|meer\\s+informatie|nuttige\\s+links|externe\\s+links|источники|литература|список\\s+литературы|ссылки|полезные\\s+ссылки|дополнительная\\s+литература|примечания|содержание|参考|參考|参考文献|參考文獻|参考资料|參考資料|参考链接|參考連結|参考リンク|资源|資源|来源|來源|出典|脚注|註釋|注释|目录|目錄|目次)\\s*[:：]?$"
      }
    ],
    "labelClasses": [
      "atpl-alsoreadstyle"
    ],
    "minLinks": 3,
    "labelless": {
      "enabled": true,
      "minLinks": 3,
      "minSameSite": 0.75,
      "betweenSpam": true,
      "tail": {
        "maxParagraphs": 2,
        "maxWords": 30
      },
      "labelWords": 6,
      "referenceHosts": [
        {
          "id": "wikipedia",
          "note": "Encyclopaedia articles are references, not sister posts, even in a bare list at the end.",
          "host": "wikipedia.org"
        },
        {
          "id": "wikimedia",
          "note": "Wikimedia projects (Commons, Wiktionary, Wikidata, Wikisource) are references.",
          "host": "wikimedia.org"
        },
        {
          "id": "wiktionary",
          "note": "Dictionary entries are references.",
          "host": "wiktionary.org"
        },
        {
          "id": "wikidata",
          "note": "Wikidata items are references.",
          "host": "wikidata.org"
        },
        {
          "id": "github",
          "note": "Repositories, issues and docs on GitHub are what a technical article points its reader to.",
          "host": "github.com"
        },
        {
          "id": "gitlab",
          "note": "Repositories and docs on GitLab.",
          "host": "gitlab.com"
        },
        {
          "id": "stack-overflow",
          "note": "Questions and answers the article builds on.",
          "host": "stackoverflow.com"
        },
        {
          "id": "stack-exchange",
          "note": "Questions and answers on the Stack Exchange network.",
          "host": "stackexchange.com"
        },
        {
          "id": "mdn",
          "note": "Web platform reference.",
          "host": "developer.mozilla.org"
        },
        {
          "id": "microsoft-learn",
          "note": "Microsoft product documentation.",
          "host": "learn.microsoft.com"
        },
        {
          "id": "microsoft-docs",
          "note": "Microsoft product documentation (old host).",
          "host": "docs.microsoft.com"
        },
        {
          "id": "apple-developer",
          "note": "Apple platform documentation.",
          "host": "developer.apple.com"
        },
        {
          "id": "android-developer",
          "note": "Android platform documentation.",
          "host": "developer.android.com"
        },
        {
          "id": "python-docs",
          "note": "Python documentation.",
          "host": "docs.python.org"
        },
        {
          "id": "read-the-docs",
          "note": "Project documentation hosted on Read the Docs.",
          "host": "readthedocs.io"
        },
        {
          "id": "docs-rs",
          "note": "Rust crate documentation.",
          "host": "docs.rs"
        },
        {
          "id": "npm",
          "note": "Package pages.",
          "host": "npmjs.com"
        },
        {
          "id": "pypi",
          "note": "Package pages.",
          "host": "pypi.org"
        },
        {
          "id": "internet-archive",
          "note": "Archived copies of sources.",
          "host": "archive.org"
        },
        {
          "id": "doi",
          "note": "Citations of papers.",
          "host": "doi.org"
        },
        {
          "id": "arxiv",
          "note": "Papers.",
          "host": "arxiv.org"
        },
        {
          "id": "w3c",
          "note": "Web standards.",
          "host": "w3.org"
        },
        {
          "id": "ietf",
          "note": "Internet standards (RFCs).",
          "host": "ietf.org"
        },
        {
          "id": "rfc-editor",
          "note": "Internet standards (RFCs).",
          "host": "rfc-editor.org"
        },
        {
          "id": "youtube",
          "note": "A list of videos is a playlist the author chose, not a related-posts box.",
          "host": "youtube.com"
        },
        {
          "id": "youtube-short",
          "note": "Short YouTube links.",
          "host": "youtu.be"
        }
      ],
      "referencePaths": [
        {
          "id": "docs-path",
          "note": "Documentation, manuals, API references, wikis, help centres and FAQs on any host (with an optional language prefix such as `/en-us/`).",
          "pattern": "^/(?:[a-z]{2}(?:[-_][a-z]{2,4})?/)?(?:docs?|documentation|manual|reference|api|wiki|help|support|kb|knowledge-?base|faq|specs?)(?:/|$)"
        },
        {
          "id": "documents",
          "note": "Downloadable documents and files (PDFs, archives, images) are attachments or sources, not articles.",
          "pattern": "\\.(?:pdf|docx?|xlsx?|pptx?|odt|epub|zip|rar|7z|gz|tgz|exe|msi|dmg|apk|png|jpe?g|gif|webp|svg|mp3|mp4|webm)$"
        }
      ]
    }
  },
  "pageChrome": {
    "scope": "whole-page",
    "lengthLow": 70,
    "lengthHigh": 200,
    "cjkWeight": 2.5,
    "maxLinkDensity": 0.5,
    "shortMaxLinkDensity": 0.2,
    "navList": {
      "minLinkOnlyShare": 0.8,
      "maxMeanWords": 8
    },
    "maxGapBlocks": 2,
    "maxHeadingDistance": 200,
    "wholePage": {
      "headMinBlocks": 3,
      "headMinLinks": 8,
      "headMinLinkDensity": 0.4,
      "headMinDenseBlocks": 3,
      "navListMinItems": 4,
      "tailMinBlocks": 3,
      "tailMinLinks": 10,
      "tailMinLinkDensity": 0.5,
      "headMaxProseShare": 0.5,
      "tailHeadMinLinks": 6
    },
    "languages": [
      {
        "id": "en",
        "note": "the iso list holds nav words (home, next, back, page, us, search, latest…): without them a menu line scores 0.1, prose 0.6",
        "low": 0.3,
        "high": 0.34,
        "exclude": [
          "home",
          "next",
          "back",
          "top",
          "page",
          "pages",
          "show",
          "more",
          "new",
          "information",
          "us",
          "use",
          "login",
          "contact",
          "search",
          "menu",
          "help",
          "site",
          "world",
          "home",
          "previous",
          "last",
          "first",
          "end",
          "latest",
          "recent",
          "related",
          "follow",
          "home",
          "become",
          "best",
          "course",
          "courses",
          "line",
          "lines",
          "name",
          "names",
          "area",
          "areas",
          "part",
          "parts",
          "today",
          "year",
          "years",
          "week",
          "click"
        ]
      },
      {
        "id": "de",
        "note": "German prose scores 0.55–0.65, menus under 0.15",
        "low": 0.28,
        "high": 0.32,
        "exclude": [
          "neu",
          "neue",
          "neuen",
          "suche",
          "seite",
          "weiter",
          "zurück",
          "mehr",
          "kontakt"
        ]
      },
      {
        "id": "fr",
        "note": "French prose scores 0.5–0.6, menus around 0.1",
        "low": 0.28,
        "high": 0.32,
        "exclude": [
          "accueil",
          "suivant",
          "précédent",
          "plus",
          "contact",
          "page"
        ]
      },
      {
        "id": "es",
        "note": "Spanish prose scores 0.55–0.65, menus around 0.2",
        "low": 0.28,
        "high": 0.32,
        "exclude": [
          "inicio",
          "siguiente",
          "anterior",
          "más",
          "contacto",
          "página"
        ]
      },
      {
        "id": "it",
        "note": "Italian prose scores 0.55–0.6, menus around 0.1",
        "low": 0.28,
        "high": 0.32,
        "exclude": [
          "home",
          "successivo",
          "precedente",
          "pagina",
          "contatti",
          "accedi"
        ]
      },
      {
        "id": "pt",
        "note": "Portuguese: as Spanish",
        "low": 0.28,
        "high": 0.32,
        "exclude": [
          "início",
          "próximo",
          "anterior",
          "página",
          "contato"
        ]
      },
      {
        "id": "nl",
        "note": "Dutch prose scores about 0.5",
        "low": 0.28,
        "high": 0.32,
        "exclude": [
          "volgende",
          "vorige",
          "pagina",
          "contact"
        ]
      },
      {
        "id": "ru",
        "note": "Russian prose scores about 0.35, menus about 0",
        "low": 0.22,
        "high": 0.26
      },
      {
        "id": "zh",
        "note": "share of Han characters covered by the longest-match of the list: prose 0.35–0.45, menus and tickers under 0.15",
        "low": 0.2,
        "high": 0.26,
        "match": "han-longest",
        "exclude": [
          "首页",
          "上一篇",
          "下一篇",
          "登录",
          "注册",
          "更多",
          "相关",
          "最新",
          "热门",
          "上",
          "下",
          "一",
          "三",
          "七",
          "万一"
        ]
      },
      {
        "id": "ja",
        "note": "the iso list is short: particles and auxiliaries added (Kana runs are matched too)",
        "low": 0.15,
        "high": 0.2,
        "match": "han-longest",
        "extra": [
          "の",
          "に",
          "は",
          "を",
          "た",
          "が",
          "で",
          "て",
          "と",
          "し",
          "れ",
          "さ",
          "ある",
          "いる",
          "も",
          "する",
          "から",
          "な",
          "こと",
          "として",
          "い",
          "や",
          "れる",
          "など",
          "なっ",
          "ない",
          "この",
          "ため",
          "その",
          "あっ",
          "よう",
          "また",
          "もの",
          "という",
          "あり",
          "まで",
          "られ",
          "なる",
          "へ",
          "か",
          "だ",
          "これ",
          "によって",
          "により",
          "おり",
          "より",
          "による",
          "ず",
          "なり",
          "られる",
          "において",
          "ば",
          "なかっ",
          "なく",
          "しかし",
          "について",
          "せ",
          "だっ",
          "その後",
          "できる",
          "それ",
          "う",
          "ので",
          "なお",
          "のみ",
          "でき",
          "き",
          "つ",
          "における",
          "および",
          "いう",
          "さらに",
          "でも",
          "ら",
          "たり",
          "その他",
          "に関する",
          "たち",
          "ます",
          "ん",
          "なら",
          "です",
          "ました",
          "ません",
          "でした"
        ]
      },
      {
        "id": "ko",
        "note": "the iso list is particles as separate tokens, useless on Korean words: instead the share of words ending in a particle or verb ending (prose 0.7, menus 0)",
        "low": 0.35,
        "high": 0.45,
        "match": "suffixes",
        "suffixes": [
          "은",
          "는",
          "이",
          "가",
          "을",
          "를",
          "에",
          "에서",
          "의",
          "로",
          "으로",
          "와",
          "과",
          "도",
          "만",
          "며",
          "고",
          "면",
          "다",
          "요",
          "니다",
          "서",
          "게",
          "지",
          "죠",
          "한",
          "된",
          "할",
          "인",
          "던",
          "까지",
          "부터",
          "에게",
          "처럼",
          "보다",
          "든지",
          "라고",
          "하여",
          "해서",
          "므로",
          "는데"
        ]
      }
    ],
    "terminators": [
      {
        "id": "related-en",
        "note": "related and recommended lists under a heading",
        "pattern": "(?:related|recommended|similar|more|popular|trending|recent|latest) (?:posts?|articles?|stories|reads|news|reading|content)(?: from [^.!?]{1,40})?:?|you (?:may|might) also (?:like|enjoy)|read (?:next|more)|more from [^.!?]{1,40}|recommended for you|editor'?s picks"
      },
      {
        "id": "comments-en",
        "note": "the comment section and its form",
        "pattern": "(?:\\d+ )?(?:comments?|responses?|replies)(?: \\(\\d+\\))?:?|leave a (?:reply|comment)|add (?:a|your) comment|join the discussion|what do you think\\??|post a comment|write a comment"
      },
      {
        "id": "related-de",
        "note": "German related lists and comments",
        "pattern": "ähnliche (?:beiträge|artikel)|(?:das|dies) könnte (?:sie|dich) auch interessieren|mehr zum thema|weitere (?:artikel|beiträge)|verwandte (?:artikel|beiträge)|(?:\\d+ )?kommentare?|(?:schreibe|hinterlasse) einen kommentar|kommentar (?:schreiben|verfassen)"
      },
      {
        "id": "related-fr",
        "note": "French related lists and comments",
        "pattern": "articles? (?:similaires|liés|connexes|recommandés)|(?:à lire|lire) aussi|vous aimerez aussi|sur le même sujet|(?:\\d+ )?commentaires?|laisser un commentaire|ajouter un commentaire"
      },
      {
        "id": "related-es",
        "note": "Spanish related lists and comments",
        "pattern": "artículos? relacionados?|(?:entradas|publicaciones|noticias) relacionadas|te puede interesar|también te puede interesar|lee también|(?:\\d+ )?comentarios?|deja (?:un|tu) comentario|dejar un comentario"
      },
      {
        "id": "related-it",
        "note": "Italian related lists and comments",
        "pattern": "articoli correlati|post correlati|potrebbe interessarti|leggi anche|ti potrebbe (?:interessare|piacere)|(?:\\d+ )?commenti|lascia un commento|scrivi un commento"
      },
      {
        "id": "related-zh",
        "note": "Chinese related lists and comments",
        "pattern": "(?:相关|推荐|热门|最新|猜你喜欢|延伸)(?:文章|阅读|推荐|资讯|新闻|内容)?[:：]?|猜你喜欢|你可能(?:还)?(?:喜欢|感兴趣)|(?:\\d+\\s*条)?(?:评论|留言)(?:\\s*[（(]\\d+[）)])?[:：]?|发表(?:评论|留言)|网友评论"
      },
      {
        "id": "related-ko",
        "note": "Korean related lists and comments",
        "pattern": "(?:관련|추천|인기|최신)\\s?(?:글|기사|뉴스|포스트)|함께 보면 좋은 글|이 글과 관련된 글|(?:댓글|덧글)(?:\\s*\\d+\\s*개?)?|댓글 (?:쓰기|달기|남기기)"
      },
      {
        "id": "author-box",
        "note": "the author box after an article (a terminator only when less prose follows it than the text before it)",
        "pattern": "about the author|written by [^.!?]{1,60}|über (?:den|die) autor(?:in)?|à propos de l'auteur|sull'autore|sobre el autor|关于作者|作者简介|작성자 소개|글쓴이"
      }
    ],
    "meta": [
      {
        "id": "read-time",
        "note": "reading-time lines",
        "pattern": "\\d+ ?(?:min(?:ute)?s?|mins?) (?:read|de lecture|de lectura|di lettura|lesezeit|leitura)|lesezeit:? \\d+ ?min(?:uten)?\\.?|阅读(?:时间|时长)?[:：]?\\s*\\d+\\s*分钟|\\d+분 (?:읽기|소요)"
      },
      {
        "id": "counters",
        "note": "view, comment and like counters alone on a line",
        "pattern": "(?:(?:\\d[\\d,.]*[kKmM万]?\\s*)?(?:views?|comments?|likes?|shares?|reads?|阅读|评论|点赞|收藏|浏览|转发|조회수?|댓글|공감|visite|commenti|commentaires?|vues|kommentare|aufrufe|visitas|comentarios)\\s*[:：]?\\s*(?:\\d[\\d,.]*[kKmM万]?)?[\\s·|•/]*){1,6}"
      },
      {
        "id": "copyright",
        "note": "copyright lines of a page footer",
        "pattern": "(?:copyright|©|\\(c\\))\\s*(?:\\d{4}(?:\\s*[-–]\\s*\\d{4})?)?[^\\n]{0,120}|all rights reserved\\.?|[^\\n]{0,80}(?:版权所有|保留所有权利|무단 ?전재 및 재배포 금지|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados|tutti i diritti riservati)[^\\n]{0,80}"
      }
    ]
  },
  "siteTemplate": {
    "minArticles": 5,
    "minShare": 0.5,
    "minContextDiversity": 0.5,
    "maxRunShare": 0.5,
    "maxBlockChars": 2000,
    "contextSample": 8,
    "maxEntriesPerSite": 200000,
    "linkDenseShare": 0.5
  },
  "trackingParam": {
    "params": [
      {
        "id": "utm",
        "note": "Google Analytics campaign tags (`utm_source`, `utm_medium`, `utm_campaign`, `utm_term`, `utm_content`, …); they say where a click came from, never what the page shows.",
        "prefix": "utm_"
      },
      {
        "id": "fbclid",
        "note": "Facebook click id.",
        "name": "fbclid"
      },
      {
        "id": "gclid",
        "note": "Google Ads click id.",
        "name": "gclid"
      },
      {
        "id": "gclsrc",
        "note": "Google Ads click source, sent with `gclid`.",
        "name": "gclsrc"
      },
      {
        "id": "dclid",
        "note": "Google Display & Video 360 click id.",
        "name": "dclid"
      },
      {
        "id": "gbraid",
        "note": "Google Ads click id for iOS app campaigns.",
        "name": "gbraid"
      },
      {
        "id": "wbraid",
        "note": "Google Ads click id for iOS web campaigns.",
        "name": "wbraid"
      },
      {
        "id": "google-linker",
        "note": "Google Analytics cross-domain linker (`_gl=1*…`).",
        "name": "_gl"
      },
      {
        "id": "msclkid",
        "note": "Microsoft Advertising click id.",
        "name": "msclkid"
      },
      {
        "id": "mailchimp-eid",
        "note": "Mailchimp subscriber id of the newsletter a link was clicked in.",
        "name": "mc_eid"
      },
      {
        "id": "mailchimp-cid",
        "note": "Mailchimp campaign id.",
        "name": "mc_cid"
      },
      {
        "id": "hubspot-enc",
        "note": "HubSpot email tracking.",
        "name": "_hsenc"
      },
      {
        "id": "hubspot-mi",
        "note": "HubSpot email tracking.",
        "name": "_hsmi"
      },
      {
        "id": "hubspot-cookies",
        "note": "HubSpot cross-domain cookie hand-over (`__hstc`, `__hssc`, `__hsfp`).",
        "prefix": "__hs"
      },
      {
        "id": "hubspot-cta",
        "note": "HubSpot call-to-action tracking.",
        "name": "hsCtaTracking"
      },
      {
        "id": "marketo",
        "note": "Marketo email tracking token.",
        "name": "mkt_tok"
      },
      {
        "id": "omeda-anon",
        "note": "Omeda email tracking.",
        "name": "oly_anon_id"
      },
      {
        "id": "omeda-enc",
        "note": "Omeda email tracking.",
        "name": "oly_enc_id"
      },
      {
        "id": "vero",
        "note": "Vero email tracking.",
        "name": "vero_id"
      },
      {
        "id": "drip",
        "note": "Drip email subscriber id.",
        "name": "__s"
      },
      {
        "id": "igshid",
        "note": "Instagram share id.",
        "name": "igshid"
      },
      {
        "id": "igsh",
        "note": "Instagram share id (newer form).",
        "name": "igsh",
        "hosts": [
          "instagram.com"
        ]
      },
      {
        "id": "yclid",
        "note": "Yandex click id.",
        "name": "yclid"
      },
      {
        "id": "ysclid",
        "note": "Yandex search click id.",
        "name": "ysclid"
      },
      {
        "id": "twclid",
        "note": "X (Twitter) Ads click id.",
        "name": "twclid"
      },
      {
        "id": "ttclid",
        "note": "TikTok Ads click id.",
        "name": "ttclid"
      },
      {
        "id": "li-fat-id",
        "note": "LinkedIn Ads first-party click id.",
        "name": "li_fat_id"
      },
      {
        "id": "linkedin-trk",
        "note": "LinkedIn's own link-source tag.",
        "name": "trk",
        "hosts": [
          "linkedin.com"
        ]
      },
      {
        "id": "twitter-ref-src",
        "note": "Where a tweet link was copied from.",
        "name": "ref_src",
        "hosts": [
          "twitter.com",
          "x.com"
        ]
      },
      {
        "id": "twitter-ref-url",
        "note": "The page a tweet embed sat on.",
        "name": "ref_url",
        "hosts": [
          "twitter.com",
          "x.com"
        ]
      },
      {
        "id": "twitter-share",
        "note": "Share-sheet tags on tweet links (`?s=20&t=…`).",
        "name": "s",
        "hosts": [
          "twitter.com",
          "x.com"
        ]
      },
      {
        "id": "twitter-share-token",
        "note": "Share-sheet tags on tweet links (`?s=20&t=…`).",
        "name": "t",
        "hosts": [
          "twitter.com",
          "x.com"
        ]
      },
      {
        "id": "share-id",
        "note": "YouTube and Spotify share ids (`youtu.be/…?si=…`); they tie a click to the account that shared it.",
        "name": "si",
        "hosts": [
          "youtu.be",
          "youtube.com",
          "youtube-nocookie.com",
          "open.spotify.com"
        ]
      },
      {
        "id": "amazon-ref",
        "note": "Amazon's internal click-path tags (`ref_`, `pd_rd_*`, `pf_rd_*`); the product stays the same without them.",
        "name": "ref_",
        "hosts": [
          "amazon.com",
          "amazon.co.uk",
          "amazon.de",
          "amazon.fr",
          "amazon.es",
          "amazon.it",
          "amazon.nl",
          "amazon.ca",
          "amazon.in",
          "amazon.co.jp",
          "amazon.com.au"
        ]
      },
      {
        "id": "amazon-pd-rd",
        "note": "Amazon recommendation-widget click tags.",
        "prefix": "pd_rd_",
        "hosts": [
          "amazon.com",
          "amazon.co.uk",
          "amazon.de",
          "amazon.fr",
          "amazon.es",
          "amazon.it",
          "amazon.nl",
          "amazon.ca",
          "amazon.in",
          "amazon.co.jp",
          "amazon.com.au"
        ]
      },
      {
        "id": "amazon-pf-rd",
        "note": "Amazon page-placement click tags.",
        "prefix": "pf_rd_",
        "hosts": [
          "amazon.com",
          "amazon.co.uk",
          "amazon.de",
          "amazon.fr",
          "amazon.es",
          "amazon.it",
          "amazon.nl",
          "amazon.ca",
          "amazon.in",
          "amazon.co.jp",
          "amazon.com.au"
        ]
      },
      {
        "id": "medium-source",
        "note": "Medium's click-path tag (`?source=post_page-----8f2e1c-----…`, `source=rss----…`, `source=collection_home---…`); it is on every profile, tag and post link a Medium export holds, also on custom publication domains. Only these Medium values (a known page name followed by a run of dashes) go; `source=docs` or `?source=1` elsewhere stay.",
        "name": "source",
        "value": "^(?:post_page|rss|collection_home|collection_archive|user_profile|user_profile_page|read_next_recirc|author_recirc|follow_footer|top_posts|your_stories_page|home_page|topic_page|search_page)-*[-_]{3}"
      },
      {
        "id": "ref",
        "note": "`ref=` as a referral tag: only when its value names a source — a domain (`ref=producthunt.com`, Ghost's outbound tagging) or a known source word (`producthunt`, `hackernews`, `newsletter`, …). Other values (`ref=3`, `ref=main`, `ref=ABC123`) stay: they may select what the page shows. See `exceptions` for hosts where `ref` is a git ref.",
        "name": "ref",
        "value": "^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}$|^(?:producthunt|product-hunt|hackernews|hacker-news|hn|newsletter|email|e-mail|mail|rss|feed|twitter|facebook|linkedin|reddit|mastodon|medium|devto|dev-to|hashnode|indiehackers|betalist|alternativeto|sidebar|footer|header|navbar|nav|menu|banner|widget|homepage|blog|social|share|webring)(?:[-_][a-z0-9]+)*$"
      }
    ],
    "exceptions": [
      {
        "id": "github",
        "note": "On GitHub (and its API) `ref` names a branch, tag or commit.",
        "host": "github.com",
        "params": [
          "ref"
        ]
      },
      {
        "id": "github-raw",
        "note": "Raw GitHub files; `ref` is a git ref.",
        "host": "githubusercontent.com",
        "params": [
          "ref"
        ]
      },
      {
        "id": "gitlab",
        "note": "On GitLab `ref` names a branch, tag or commit.",
        "host": "gitlab.com",
        "params": [
          "ref"
        ]
      },
      {
        "id": "bitbucket",
        "note": "On Bitbucket `ref` names a branch, tag or commit.",
        "host": "bitbucket.org",
        "params": [
          "ref"
        ]
      },
      {
        "id": "codeberg",
        "note": "On Codeberg (Gitea/Forgejo) `ref` names a branch, tag or commit.",
        "host": "codeberg.org",
        "params": [
          "ref"
        ]
      },
      {
        "id": "gitea",
        "note": "On Gitea `ref` names a branch, tag or commit.",
        "host": "gitea.com",
        "params": [
          "ref"
        ]
      },
      {
        "id": "sourcehut",
        "note": "On sourcehut `ref` names a branch, tag or commit.",
        "host": "sr.ht",
        "params": [
          "ref"
        ]
      },
      {
        "id": "gitee",
        "note": "On Gitee `ref` names a branch, tag or commit.",
        "host": "gitee.com",
        "params": [
          "ref"
        ]
      },
      {
        "id": "azure-devops",
        "note": "Azure DevOps repositories.",
        "host": "dev.azure.com",
        "params": [
          "ref"
        ]
      }
    ]
  },
  "unsafeHtml": {
    "comments": true,
    "tags": [
      {
        "id": "text",
        "note": "Phrasing elements that only style or mark up words; harmless, and often without a Markdown equivalent (`<u>`, `<sup>`, `<kbd>`).",
        "tags": [
          "a",
          "abbr",
          "acronym",
          "b",
          "bdi",
          "bdo",
          "big",
          "br",
          "cite",
          "code",
          "data",
          "del",
          "dfn",
          "em",
          "font",
          "i",
          "ins",
          "kbd",
          "mark",
          "nobr",
          "q",
          "s",
          "samp",
          "small",
          "span",
          "strike",
          "strong",
          "sub",
          "sup",
          "time",
          "tt",
          "u",
          "var",
          "wbr"
        ]
      },
      {
        "id": "ruby",
        "note": "Ruby annotations (pronunciation guides in Chinese and Japanese text).",
        "tags": [
          "ruby",
          "rb",
          "rp",
          "rt",
          "rtc"
        ]
      },
      {
        "id": "blocks",
        "note": "Block structure and sectioning; harmless layout.",
        "tags": [
          "address",
          "article",
          "aside",
          "blockquote",
          "center",
          "div",
          "footer",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "header",
          "hgroup",
          "hr",
          "main",
          "nav",
          "p",
          "pre",
          "section"
        ]
      },
      {
        "id": "lists",
        "note": "Lists and description lists.",
        "tags": [
          "dd",
          "dl",
          "dt",
          "li",
          "ol",
          "ul"
        ]
      },
      {
        "id": "disclosure",
        "note": "Collapsible sections (`<details>`/`<summary>`), figures and grouped form captions — content, not controls.",
        "tags": [
          "details",
          "summary",
          "figure",
          "figcaption",
          "fieldset",
          "legend",
          "label"
        ]
      },
      {
        "id": "tables",
        "note": "Tables and their parts.",
        "tags": [
          "caption",
          "col",
          "colgroup",
          "table",
          "tbody",
          "td",
          "tfoot",
          "th",
          "thead",
          "tr"
        ]
      },
      {
        "id": "media",
        "note": "Images, pictures, video and audio; their sources are held to `protocols` like any URL.",
        "tags": [
          "audio",
          "img",
          "picture",
          "source",
          "track",
          "video"
        ]
      },
      {
        "id": "iframes",
        "note": "Embedded players; kept only when the `src` is one of `embeds`, any other iframe goes whole.",
        "tags": [
          "iframe"
        ]
      }
    ],
    "strip": [
      {
        "id": "scripts",
        "note": "Code that runs in the reader's browser.",
        "tags": [
          "script"
        ]
      },
      {
        "id": "styles",
        "note": "Style sheets restyle the whole page (overlays, hidden text) and load resources; inline `style` attributes are judged by `deniedValues`.",
        "tags": [
          "style"
        ]
      },
      {
        "id": "plugins",
        "note": "Plugin and nested-document embeds (Flash, Java, PDF objects, frames) run code or load whole documents.",
        "tags": [
          "applet",
          "embed",
          "frame",
          "frameset",
          "object",
          "param",
          "portal",
          "fencedframe"
        ]
      },
      {
        "id": "document-head",
        "note": "Head elements that retarget links (`<base>`), load style sheets and scripts (`<link>`) or redirect the page (`<meta http-equiv=refresh>`).",
        "tags": [
          "base",
          "link",
          "meta",
          "title"
        ]
      },
      {
        "id": "foreign-content",
        "note": "Inline SVG and MathML can carry scripts, event handlers and links that rewrite themselves (`<animate>`, `<set>`, `<foreignObject>`); as article content they are icons, rarely words. A Markdown image of an .svg file is not touched.",
        "tags": [
          "svg",
          "math"
        ]
      },
      {
        "id": "raw-text",
        "note": "Elements whose content is raw text to the HTML parser; unwrapping them would turn that text into live markup, so they go whole.",
        "tags": [
          "noembed",
          "noframes",
          "plaintext",
          "textarea",
          "xmp"
        ]
      }
    ],
    "attributes": [
      {
        "id": "global",
        "note": "Harmless on any allowed element.",
        "names": [
          "class",
          "id",
          "title",
          "lang",
          "dir",
          "hidden",
          "translate",
          "tabindex",
          "role",
          "aria-*",
          "data-*",
          "itemscope",
          "itemprop",
          "itemtype",
          "itemid",
          "itemref"
        ]
      },
      {
        "id": "style",
        "note": "Inline presentation (alignment, width, colour); values are checked by `deniedValues`.",
        "names": [
          "style"
        ]
      },
      {
        "id": "legacy-presentation",
        "note": "Presentational attributes of old HTML that scraped pages are full of; harmless.",
        "names": [
          "align",
          "valign",
          "width",
          "height",
          "border",
          "bgcolor",
          "color",
          "face",
          "size",
          "nowrap",
          "clear",
          "hspace",
          "vspace",
          "cellpadding",
          "cellspacing",
          "frame",
          "rules",
          "noshade",
          "char",
          "charoff"
        ]
      },
      {
        "id": "links",
        "note": "Link targets and how they open; the URL is held to `protocols`.",
        "tags": [
          "a"
        ],
        "names": [
          "href",
          "name",
          "target",
          "rel",
          "hreflang",
          "type",
          "referrerpolicy",
          "download"
        ]
      },
      {
        "id": "quotes-and-edits",
        "note": "Sources and dates of quotations and edits.",
        "tags": [
          "blockquote",
          "q",
          "del",
          "ins"
        ],
        "names": [
          "cite",
          "datetime"
        ]
      },
      {
        "id": "times",
        "note": "Machine-readable dates and values.",
        "tags": [
          "time",
          "data"
        ],
        "names": [
          "datetime",
          "value"
        ]
      },
      {
        "id": "lists",
        "note": "List numbering.",
        "tags": [
          "ol",
          "ul",
          "li"
        ],
        "names": [
          "start",
          "reversed",
          "type",
          "value"
        ]
      },
      {
        "id": "tables",
        "note": "Table cell spans and headers.",
        "tags": [
          "table",
          "td",
          "th",
          "col",
          "colgroup"
        ],
        "names": [
          "colspan",
          "rowspan",
          "headers",
          "scope",
          "abbr",
          "span",
          "summary"
        ]
      },
      {
        "id": "disclosure",
        "note": "An open `<details>`; a label's control.",
        "tags": [
          "details",
          "label"
        ],
        "names": [
          "open",
          "for"
        ]
      },
      {
        "id": "images",
        "note": "Image sources and sizes; URLs are held to `protocols`.",
        "tags": [
          "img"
        ],
        "names": [
          "src",
          "srcset",
          "sizes",
          "alt",
          "loading",
          "decoding",
          "fetchpriority",
          "referrerpolicy",
          "crossorigin"
        ]
      },
      {
        "id": "media",
        "note": "Video and audio players, their sources and captions; URLs are held to `protocols`.",
        "tags": [
          "audio",
          "video",
          "source",
          "track"
        ],
        "names": [
          "src",
          "srcset",
          "sizes",
          "media",
          "type",
          "poster",
          "controls",
          "controlslist",
          "disablepictureinpicture",
          "autoplay",
          "muted",
          "loop",
          "playsinline",
          "webkit-playsinline",
          "preload",
          "crossorigin",
          "kind",
          "srclang",
          "label",
          "default"
        ]
      },
      {
        "id": "iframes",
        "note": "What an allowed embed player needs.",
        "tags": [
          "iframe"
        ],
        "names": [
          "src",
          "allow",
          "allowfullscreen",
          "webkitallowfullscreen",
          "mozallowfullscreen",
          "allowtransparency",
          "frameborder",
          "loading",
          "referrerpolicy",
          "sandbox",
          "scrolling",
          "marginwidth",
          "marginheight",
          "name"
        ]
      }
    ],
    "protocols": [
      {
        "id": "web",
        "note": "Web pages and resources.",
        "schemes": [
          "http",
          "https"
        ]
      },
      {
        "id": "mail",
        "note": "E-mail links.",
        "schemes": [
          "mailto"
        ],
        "attributes": [
          "href"
        ]
      },
      {
        "id": "phone",
        "note": "Call and text-message links.",
        "schemes": [
          "tel",
          "sms"
        ],
        "attributes": [
          "href"
        ]
      },
      {
        "id": "chat",
        "note": "IRC and XMPP links.",
        "schemes": [
          "irc",
          "ircs",
          "xmpp"
        ],
        "attributes": [
          "href"
        ]
      },
      {
        "id": "file-transfer",
        "note": "FTP download links.",
        "schemes": [
          "ftp",
          "ftps",
          "sftp"
        ],
        "attributes": [
          "href"
        ]
      }
    ],
    "deniedValues": [
      {
        "id": "css-expression",
        "note": "Old Internet Explorer ran `expression(…)` in CSS as script.",
        "attributes": [
          "style"
        ],
        "pattern": "expression\\s*\\("
      },
      {
        "id": "css-script-url",
        "note": "A script URL in CSS.",
        "attributes": [
          "style"
        ],
        "pattern": "(?:java|vb)script\\s*:"
      },
      {
        "id": "css-foreign-url",
        "note": "`url(…)` with a scheme other than http(s) (data:, javascript:); relative and http(s) URLs pass.",
        "attributes": [
          "style"
        ],
        "pattern": "url\\s*\\(\\s*['\"]?\\s*(?!https?:)[a-z][a-z0-9+.\\-]*:"
      },
      {
        "id": "css-binding",
        "note": "Firefox `-moz-binding` and IE `behavior` attached script to an element.",
        "attributes": [
          "style"
        ],
        "pattern": "-moz-binding|(?:^|[;\\s])behavior\\s*:"
      },
      {
        "id": "css-import",
        "note": "`@import` loads a style sheet.",
        "attributes": [
          "style"
        ],
        "pattern": "@import"
      },
      {
        "id": "css-fixed-position",
        "note": "A fixed element floats over the page (fake dialogs, overlays that hide the article).",
        "attributes": [
          "style"
        ],
        "pattern": "position\\s*:\\s*fixed"
      }
    ],
    "embeds": [
      {
        "id": "youtube",
        "note": "YouTube's embed player.",
        "host": "youtube.com",
        "path": "^/embed/"
      },
      {
        "id": "youtube-nocookie",
        "note": "YouTube's privacy-enhanced embed player.",
        "host": "youtube-nocookie.com",
        "path": "^/embed/"
      },
      {
        "id": "vimeo",
        "note": "Vimeo's embed player.",
        "host": "player.vimeo.com",
        "path": "^/video/"
      },
      {
        "id": "dailymotion",
        "note": "Dailymotion's embed player.",
        "host": "dailymotion.com",
        "path": "^/embed/"
      },
      {
        "id": "bilibili",
        "note": "Bilibili's embed player (Chinese tutorials).",
        "host": "player.bilibili.com"
      },
      {
        "id": "loom",
        "note": "Loom screen recordings.",
        "host": "loom.com",
        "path": "^/embed/"
      },
      {
        "id": "codepen",
        "note": "CodePen live code examples.",
        "host": "codepen.io",
        "path": "^/[^/]+/embed/"
      },
      {
        "id": "codesandbox",
        "note": "CodeSandbox live code examples.",
        "host": "codesandbox.io",
        "path": "^/embed/"
      },
      {
        "id": "stackblitz",
        "note": "StackBlitz live code examples (embedded with `?embed=1`).",
        "host": "stackblitz.com",
        "path": "[?&]embed=1"
      },
      {
        "id": "jsfiddle",
        "note": "JSFiddle live code examples.",
        "host": "jsfiddle.net",
        "path": "/embedded/"
      },
      {
        "id": "spotify",
        "note": "Spotify podcast and track players.",
        "host": "open.spotify.com",
        "path": "^/embed/"
      },
      {
        "id": "google-maps",
        "note": "Google Maps embedded maps (`www.google.com/maps/embed?pb=…`), common on travel, event and local-business posts; only the `/maps/embed` path, never other Google iframes.",
        "host": "google.com",
        "path": "^/maps/embed"
      },
      {
        "id": "soundcloud",
        "note": "SoundCloud's audio player.",
        "host": "w.soundcloud.com",
        "path": "^/player/"
      },
      {
        "id": "speakerdeck",
        "note": "Speaker Deck slides.",
        "host": "speakerdeck.com",
        "path": "^/player/"
      }
    ]
  },
  "widget": {
    "headBlocks": 6,
    "tailBlocks": 12,
    "maxLength": 400,
    "elements": [
      {
        "id": "jetpack-sharedaddy",
        "note": "Jetpack's share box (`<div class=\"sharedaddy sd-sharing-enabled\">`), the \"Share this:\" title and its buttons.",
        "class": "sharedaddy",
        "kind": "share"
      },
      {
        "id": "jetpack-sharing",
        "note": "Jetpack's share buttons without their outer box.",
        "class": "sd-sharing",
        "kind": "share"
      },
      {
        "id": "jetpack-likes",
        "note": "Jetpack's \"Like this:\" widget.",
        "class": "jetpack-likes-widget-wrapper",
        "kind": "likes"
      },
      {
        "id": "jetpack-like",
        "note": "Jetpack's like box (`<div class=\"sharedaddy sd-block sd-like\">`).",
        "class": "sd-like",
        "kind": "likes"
      },
      {
        "id": "jetpack-post-flair",
        "note": "Jetpack's container of share, like and related-post widgets under a post.",
        "attributes": {
          "id": "^jp-post-flair$"
        },
        "kind": "share"
      },
      {
        "id": "jetpack-related-posts",
        "note": "Jetpack's related-posts widget.",
        "attributes": {
          "id": "^jp-relatedposts$"
        },
        "kind": "share"
      },
      {
        "id": "addtoany-container",
        "note": "AddToAny's share bar container.",
        "class": "addtoany_share_save_container",
        "kind": "share"
      },
      {
        "id": "addtoany-kit",
        "note": "AddToAny's button kit (`<div class=\"a2a_kit a2a_kit_size_32\">`).",
        "class": "a2a_kit",
        "kind": "share"
      },
      {
        "id": "addtoany-content",
        "note": "AddToAny's share bar inside the post content.",
        "class": "addtoany_content",
        "kind": "share"
      },
      {
        "id": "sharethis-inline",
        "note": "ShareThis inline share buttons.",
        "class": "sharethis-inline-share-buttons",
        "kind": "share"
      },
      {
        "id": "sharethis-reactions",
        "note": "ShareThis reaction buttons.",
        "class": "sharethis-inline-reaction-buttons",
        "kind": "share"
      },
      {
        "id": "shareaholic",
        "note": "Shareaholic's share buttons and recommendations (`<div class=\"shareaholic-canvas\" data-app=\"share_buttons\">`).",
        "class": "shareaholic-canvas",
        "kind": "share"
      },
      {
        "id": "addthis-toolbox",
        "note": "AddThis inline share toolbox.",
        "class": "addthis_inline_share_toolbox",
        "kind": "share"
      },
      {
        "id": "addthis-toolbox-old",
        "note": "AddThis's older toolbox markup.",
        "class": "addthis_toolbox",
        "kind": "share"
      },
      {
        "id": "social-warfare",
        "note": "Social Warfare's share panel.",
        "class": "swp_social_panel",
        "kind": "share"
      },
      {
        "id": "mashshare",
        "note": "MashShare's share buttons.",
        "class": "mashsb-container",
        "kind": "share"
      },
      {
        "id": "sassy-social-share",
        "note": "Sassy Social Share's share bar.",
        "class": "heateor_sss_sharing_container",
        "kind": "share"
      },
      {
        "id": "wordpress-respond",
        "note": "WordPress's comment form box (`<div id=\"respond\" class=\"comment-respond\">`).",
        "attributes": {
          "id": "^respond$"
        },
        "kind": "comment-form"
      },
      {
        "id": "wordpress-comment-respond",
        "note": "WordPress's comment form box, by class.",
        "class": "comment-respond",
        "kind": "comment-form"
      },
      {
        "id": "wordpress-comment-form",
        "note": "WordPress's comment `<form id=\"commentform\">`.",
        "tag": "form",
        "attributes": {
          "id": "^commentform$"
        },
        "kind": "comment-form"
      },
      {
        "id": "wordpress-reply-title",
        "note": "The \"Leave a Reply\" title of WordPress's comment form.",
        "attributes": {
          "id": "^reply-title$"
        },
        "kind": "comment-form"
      },
      {
        "id": "akismet-notice",
        "note": "Akismet's privacy notice under a comment form.",
        "class": "akismet_comment_form_privacy_notice",
        "kind": "comment-form"
      },
      {
        "id": "disqus-thread",
        "note": "Disqus's comment box placeholder.",
        "attributes": {
          "id": "^disqus_thread$"
        },
        "kind": "comment-form"
      },
      {
        "id": "wpdiscuz",
        "note": "wpDiscuz's comment box.",
        "attributes": {
          "id": "^wpdcom$"
        },
        "kind": "comment-form"
      },
      {
        "id": "easy-toc",
        "note": "Easy Table of Contents' box.",
        "attributes": {
          "id": "^ez-toc-container$"
        },
        "kind": "toc"
      },
      {
        "id": "easy-toc-anchor",
        "note": "The empty anchor Easy Table of Contents puts inside each heading.",
        "tag": "span",
        "class": "ez-toc-section",
        "empty": true,
        "kind": "toc"
      },
      {
        "id": "easy-toc-anchor-end",
        "note": "The empty end mark Easy Table of Contents puts after each heading's anchor.",
        "tag": "span",
        "class": "ez-toc-section-end",
        "empty": true,
        "kind": "toc"
      },
      {
        "id": "toc-plus",
        "note": "Table of Contents Plus' box.",
        "attributes": {
          "id": "^toc_container$"
        },
        "kind": "toc"
      },
      {
        "id": "luckywp-toc",
        "note": "LuckyWP Table of Contents' box.",
        "class": "lwptoc",
        "kind": "toc"
      },
      {
        "id": "rank-math-toc",
        "note": "Rank Math's table-of-contents block.",
        "class": "wp-block-rank-math-toc-block",
        "kind": "toc"
      },
      {
        "id": "yoast-toc",
        "note": "Yoast SEO's table-of-contents block.",
        "class": "yoast-table-of-contents",
        "kind": "toc"
      },
      {
        "id": "wechat-profile-qrcode",
        "note": "WeChat's account QR-code box.",
        "attributes": {
          "id": "^js_profile_qrcode$"
        },
        "kind": "platform"
      },
      {
        "id": "wechat-qrcode-pc",
        "note": "WeChat's \"scan to follow\" QR code on desktop.",
        "class": "qr_code_pc",
        "kind": "platform"
      },
      {
        "id": "wechat-tags",
        "note": "WeChat's topic tags (\"收录于合集\").",
        "attributes": {
          "id": "^js_tags$"
        },
        "kind": "platform"
      },
      {
        "id": "wechat-reward",
        "note": "WeChat's reward (赞赏) box.",
        "class": "reward_area",
        "kind": "platform"
      },
      {
        "id": "wechat-meta",
        "note": "WeChat's account, author and date line over the article.",
        "class": "rich_media_meta_list",
        "kind": "platform"
      },
      {
        "id": "substack-subscription-widget",
        "note": "Substack's subscribe box inside a post.",
        "class": "subscription-widget-wrap",
        "kind": "platform"
      },
      {
        "id": "substack-button",
        "note": "Substack's share and subscribe buttons with a caption.",
        "class": "captioned-button-wrap",
        "kind": "platform"
      }
    ],
    "labels": [
      {
        "id": "like-this",
        "note": "The title of Jetpack's like box. \"Like this:\" also introduces a code sample, so only in the tail zone.",
        "pattern": "^(?:like this|gefällt mir|j'aime ceci|me gusta esto|mi piace|gostar disto|赞过|좋아하기)\\s*[:：]?$",
        "kind": "likes",
        "zone": "tail"
      },
      {
        "id": "like-loading",
        "note": "Jetpack's like button as scraped before its script ran: \"Like Loading…\" and its translations.",
        "pattern": "^(?:like|gefällt mir|j'aime|me gusta|mi piace|gostar|喜欢|좋아하기)\\s+(?:loading|wird geladen|chargement|cargando|caricamento|carregando|正在加载|로드 중)[.…]*$",
        "kind": "likes"
      },
      {
        "id": "first-to-like",
        "note": "Jetpack's empty like count.",
        "pattern": "^be the first to like this$",
        "kind": "likes"
      },
      {
        "id": "leave-a-reply",
        "note": "The title of WordPress's comment form (\"Leave a Reply\", \"Cancel reply\") in its core translations; a heading a post may also have, so only in the tail zone.",
        "pattern": "^(?:leave a (?:reply|comment)|cancel reply|schreibe einen kommentar|antworten abbrechen|laisser un commentaire|annuler la réponse|deja una respuesta|cancelar (?:la )?respuesta|lascia un commento|annulla risposta|发表回复|發表回覆|发表评论|取消回复|답글 남기기|응답 취소|コメントを残す)(?:\\s+(?:cancel reply|antworten abbrechen|annuler la réponse|cancelar (?:la )?respuesta|annulla risposta|取消回复|응답 취소))?$",
        "kind": "comment-form",
        "zone": "tail"
      },
      {
        "id": "email-not-published",
        "note": "WordPress's comment form notice \"Your email address will not be published. Required fields are marked *\" and its core translations (de, fr, es, it, pt, zh, ko, ja).",
        "pattern": "^(?:your email address will not be published|(?:deine|ihre) e-mail-adresse wird nicht veröffentlicht|votre adresse (?:e-mail|de messagerie) ne sera pas publiée|tu dirección de correo electrónico no será publicada|il tuo indirizzo email non sarà pubblicato|o seu endereço de e-mail não será publicado|您的电子邮箱地址不会被公开|您的電子郵件地址並不會被公開|이메일 주소는 공개되지 않습니다|メールアドレスが公開されることはありません)[.。]?(?:\\s*[^.。]{0,40}(?:required|erforderliche|obligatoires|obligatorios|obbligatori|obrigatórios|必填|필수|必須)[^.。]{0,50}[.。]?)?$",
        "kind": "comment-form"
      },
      {
        "id": "save-my-name",
        "note": "The cookie consent checkbox of WordPress's comment form, in its core translations.",
        "pattern": "^(?:save my name, email, and website in this browser for the next time i comment|meinen namen, meine e-mail-adresse und meine website in diesem browser für die nächste kommentierung speichern|enregistrer mon nom, mon e-mail et mon site dans le navigateur pour mon prochain commentaire|guarda mi nombre, correo electrónico y web en este navegador para la próxima vez que comente|salva il mio nome, email e sito web in questo browser per la prossima volta che commento|在此浏览器中保存我的显示名称、邮箱地址和网站地址，以便下次评论时使用|다음 번 댓글 작성을 위해 이 브라우저에 이름, 이메일, 그리고 웹사이트를 저장합니다)$",
        "kind": "comment-form"
      },
      {
        "id": "notify-me",
        "note": "The subscribe checkboxes under a comment form.",
        "pattern": "^notify me of (?:follow-up comments|new posts) (?:by|via) e-?mail(?:\\s+notify me of (?:follow-up comments|new posts) (?:by|via) e-?mail)?$",
        "kind": "comment-form"
      },
      {
        "id": "logged-in-to-comment",
        "note": "WordPress's comment form for logged-in users only.",
        "pattern": "^you must be (?:logged in|signed in) to post a comment$",
        "kind": "comment-form"
      },
      {
        "id": "akismet",
        "note": "Akismet's notice under a comment form (\"This site uses Akismet to reduce spam. Learn how your comment data is processed.\") and its translations.",
        "pattern": "^(?:this site|diese website|diese seite|ce site|este sitio|questo sito|este site|本站|本网站|이 사이트는?)\\s*(?:uses|verwendet|nutzt|utilise|usa|utiliza|utilizza|使用)\\s*akismet\\b[^*]{0,200}$",
        "kind": "comment-form"
      },
      {
        "id": "disqus",
        "note": "Disqus's no-script prompt where its comments would load.",
        "pattern": "^please enable javascript to view the comments powered by disqus$",
        "kind": "comment-form"
      },
      {
        "id": "wechat-scan-follow",
        "note": "WeChat's QR prompts: \"scan with WeChat to follow this account / to use the Mini Program\".",
        "pattern": "^微信扫一扫\\s*(?:关注该公众号|使用小程序|可打开此内容[^。]{0,30})$",
        "kind": "platform"
      },
      {
        "id": "wechat-long-press",
        "note": "\"Long-press to recognise the QR code (and follow)\" prompts at the head or tail of a WeChat article.",
        "pattern": "^长按(?:识别)?(?:图中|下方|上方|下图)?(?:二维码|小程序码)[^。.!！]{0,20}$",
        "kind": "platform",
        "zone": "edges"
      },
      {
        "id": "wechat-scan-code",
        "note": "\"Scan the code to follow / join\" prompts.",
        "pattern": "^(?:扫码|扫描二维码|扫一扫)(?:关注|加入|添加)[^。.!！]{0,20}$",
        "kind": "platform",
        "zone": "edges"
      },
      {
        "id": "wechat-click-above",
        "note": "\"Click the blue words above to follow us\" at the top of a WeChat article.",
        "pattern": "^点击(?:上方|上面|标题下)[^。.!！]{0,10}(?:蓝字|关注)[^。.!！]{0,30}$",
        "kind": "platform",
        "zone": "head"
      },
      {
        "id": "wechat-star",
        "note": "\"Set as starred (so you do not miss a post)\" prompts.",
        "pattern": "^[^。.!！]{0,10}设为星标[^。.!！]{0,30}$",
        "kind": "platform",
        "zone": "edges"
      },
      {
        "id": "wechat-read-original",
        "note": "The \"Read the original\" link at the foot of a WeChat article.",
        "pattern": "^(?:轻触|点击)?阅读原文$",
        "kind": "platform",
        "zone": "tail"
      },
      {
        "id": "wechat-preview-tags",
        "note": "WeChat's \"tags cannot be clicked in preview\" line.",
        "pattern": "^预览时标签不可点$",
        "kind": "platform"
      },
      {
        "id": "wechat-swipe",
        "note": "WeChat's recommendation and swipe prompts under the article.",
        "pattern": "^(?:喜欢此内容的人还喜欢|继续滑动看下一个|向上滑动看下一个)$",
        "kind": "platform"
      },
      {
        "id": "wechat-collection",
        "note": "WeChat's \"included in collection #…\" line.",
        "pattern": "^收录于(?:合集|话题)\\s*#[^\\n]{1,120}$",
        "kind": "platform",
        "zone": "edges"
      },
      {
        "id": "wechat-buttons",
        "note": "A line of WeChat's button words only (\"分享 点赞 在看\", \"视频 小程序 赞，轻点两下取消赞\").",
        "pattern": "^(?:在看|点赞|分享|赞赏|喜欢作者|写留言|留言|收藏|视频(?=[\\s，,、|·])|小程序|赞|轻点两下取消赞|轻点两下取消在看)(?:[\\s，,、|·]{1,3}(?:在看|点赞|分享|赞赏|喜欢作者|写留言|留言|收藏|视频|小程序|赞|轻点两下取消赞|轻点两下取消在看)){0,10}$",
        "kind": "platform",
        "zone": "edges"
      },
      {
        "id": "wechat-ui-en",
        "note": "WeChat's English interface prompts.",
        "pattern": "^(?:scan to follow|scan with weixin to use this mini program|scan with wechat to use this mini program)$",
        "kind": "platform"
      },
      {
        "id": "medium-member-only",
        "note": "Medium's paywall badge over a story.",
        "pattern": "^member-only story$",
        "kind": "platform"
      },
      {
        "id": "medium-recommended",
        "note": "Medium's recommendations under a story.",
        "pattern": "^recommended from medium$",
        "kind": "platform"
      },
      {
        "id": "medium-buttons",
        "note": "A line of Medium's button words only (\"Listen Share\", \"Follow\").",
        "pattern": "^(?:listen|share|follow)(?:\\s+(?:listen|share|follow)){0,4}$",
        "kind": "platform",
        "zone": "edges"
      },
      {
        "id": "medium-read-time",
        "note": "Medium's \"5 min read · Mar 3, 2024\" line under the title.",
        "pattern": "^\\d{1,3}\\s*min read(?:\\s*·\\s*[^\\n]{1,40})?$",
        "kind": "platform",
        "zone": "head"
      },
      {
        "id": "medium-responses",
        "note": "Medium's response box title and prompt.",
        "pattern": "^(?:responses\\s*\\(\\d+\\)|what are your thoughts)$",
        "kind": "platform",
        "zone": "tail"
      },
      {
        "id": "medium-sign-up",
        "note": "Medium's sign-up prompt for readers who are not logged in.",
        "pattern": "^sign up to discover human stories that deepen your understanding of the world$",
        "kind": "platform"
      },
      {
        "id": "medium-footer",
        "note": "Medium's footer menu \"Help Status About Careers Press Blog Privacy Terms Text to speech Teams\".",
        "pattern": "^help\\s+status\\s+about\\s+careers\\s+[^\\n]{0,100}$",
        "kind": "platform"
      },
      {
        "id": "substack-thanks-subscribe",
        "note": "Substack's default subscribe box text.",
        "pattern": "^thanks for reading [^!\\n]{1,80}! subscribe for free to receive new posts and support my work$",
        "kind": "platform"
      },
      {
        "id": "substack-type-email",
        "note": "Substack's email field placeholder and button.",
        "pattern": "^type your email(?:…|\\.\\.\\.)?(?:\\s+subscribe)?$",
        "kind": "platform"
      },
      {
        "id": "substack-discussion",
        "note": "The title of the comment section under a Substack post.",
        "pattern": "^discussion about this post$",
        "kind": "platform"
      },
      {
        "id": "substack-ready-for-more",
        "note": "Substack's closing subscribe prompt.",
        "pattern": "^ready for more$",
        "kind": "platform",
        "zone": "tail"
      }
    ],
    "share": {
      "minLinks": 2,
      "maxOtherChars": 30,
      "labels": [
        {
          "id": "share-label",
          "note": "The label of a share bar: \"Share this:\", \"Share:\", \"Share on\", \"Share this post\", and its translations (\"Teilen:\", \"Partager :\", \"Compartir:\", \"Condividi:\", \"分享到：\", \"공유하기\").",
          "pattern": "^(?:share(?: this)?(?: (?:post|article|story|page))?(?: on| via)?|teilen(?: mit)?|diesen (?:beitrag|artikel) teilen|partager(?: cet article| sur)?|compartir(?: esto| en)?|condividi(?: su)?|compartilhe(?: isso)?|分享(?:到|至|本文|文章)?|分享给朋友|공유하기|공유|シェアする|シェア)\\s*[:：]?$"
        }
      ],
      "links": [
        {
          "id": "facebook-sharer",
          "note": "Facebook's share dialog.",
          "host": "facebook.com",
          "path": "^/sharer(?:/sharer)?(?:\\.php)?"
        },
        {
          "id": "twitter-intent",
          "note": "Twitter's tweet dialog.",
          "host": "twitter.com",
          "path": "^/(?:intent/(?:tweet|post)|share)\\b"
        },
        {
          "id": "x-intent",
          "note": "X's post dialog.",
          "host": "x.com",
          "path": "^/(?:intent/(?:tweet|post)|share)\\b"
        },
        {
          "id": "linkedin-share",
          "note": "LinkedIn's share dialog.",
          "host": "linkedin.com",
          "path": "^/(?:shareArticle|sharing/share-offsite|cws/share)\\b"
        },
        {
          "id": "reddit-submit",
          "note": "Reddit's submit form with the page's URL.",
          "host": "reddit.com",
          "path": "^/submit\\b"
        },
        {
          "id": "pinterest-pin",
          "note": "Pinterest's pin dialog.",
          "host": "pinterest.com",
          "path": "^/pin/create\\b"
        },
        {
          "id": "whatsapp-send",
          "note": "WhatsApp's send link.",
          "host": "api.whatsapp.com",
          "path": "^/send\\b"
        },
        {
          "id": "whatsapp-web",
          "note": "WhatsApp Web's send link.",
          "host": "web.whatsapp.com",
          "path": "^/send\\b"
        },
        {
          "id": "whatsapp-short",
          "note": "WhatsApp's short send link with a text and no number.",
          "host": "wa.me",
          "path": "^/?\\?text="
        },
        {
          "id": "telegram-share",
          "note": "Telegram's share link.",
          "host": "t.me",
          "path": "^/share\\b"
        },
        {
          "id": "telegram-share-old",
          "note": "Telegram's older share link.",
          "host": "telegram.me",
          "path": "^/share\\b"
        },
        {
          "id": "weibo-share",
          "note": "Weibo's share dialog.",
          "host": "service.weibo.com",
          "path": "^/share/"
        },
        {
          "id": "qq-share",
          "note": "QQ's share dialog.",
          "host": "connect.qq.com",
          "path": "^/widget/shareqq\\b"
        },
        {
          "id": "qzone-share",
          "note": "Qzone's share dialog.",
          "host": "sns.qzone.qq.com",
          "path": "^/cgi-bin/qzshare\\b"
        },
        {
          "id": "vk-share",
          "note": "VK's share dialog.",
          "host": "vk.com",
          "path": "^/share\\.php\\b"
        },
        {
          "id": "pocket-save",
          "note": "Pocket's save link.",
          "host": "getpocket.com",
          "path": "^/(?:save|edit)\\b"
        },
        {
          "id": "hacker-news-submit",
          "note": "Hacker News' submit link with the page's URL.",
          "host": "news.ycombinator.com",
          "path": "^/submitlink\\b"
        },
        {
          "id": "tumblr-share",
          "note": "Tumblr's share dialog.",
          "host": "tumblr.com",
          "path": "^/(?:widgets/)?share\\b"
        },
        {
          "id": "buffer-add",
          "note": "Buffer's share dialog.",
          "host": "buffer.com",
          "path": "^/add\\b"
        },
        {
          "id": "line-share",
          "note": "LINE's share dialog.",
          "host": "social-plugins.line.me",
          "path": "/share\\b"
        },
        {
          "id": "line-share-old",
          "note": "LINE's older share link.",
          "host": "line.me",
          "path": "^/R/msg/text/"
        },
        {
          "id": "kakao-story-share",
          "note": "Kakao Story's share dialog.",
          "host": "story.kakao.com",
          "path": "^/(?:s/)?share\\b"
        },
        {
          "id": "naver-share",
          "note": "Naver's share dialog.",
          "host": "share.naver.com"
        },
        {
          "id": "naver-blog-share",
          "note": "Naver Blog's share dialog.",
          "host": "blog.naver.com",
          "path": "^/openapi/share\\b"
        },
        {
          "id": "hatena-bookmark",
          "note": "Hatena Bookmark's add link.",
          "host": "b.hatena.ne.jp",
          "path": "^/(?:entry|add)\\b"
        },
        {
          "id": "xing-share",
          "note": "XING's share dialog.",
          "host": "xing.com",
          "path": "^/(?:spi/shares|app/user\\?op=share)"
        },
        {
          "id": "addtoany-share",
          "note": "AddToAny's share endpoints.",
          "host": "addtoany.com",
          "path": "^/(?:add_to/|share)"
        },
        {
          "id": "email-share",
          "note": "A `mailto:?subject=…` link with no address: an \"email this page\" button.",
          "path": "^\\?(?:subject|body)="
        },
        {
          "id": "jetpack-share",
          "note": "Jetpack's share buttons link the post itself with `?share=<network>&nb=1`.",
          "path": "[?&]share=(?:twitter|x|facebook|linkedin|reddit|email|print|pocket|telegram|jetpack-whatsapp|whatsapp|tumblr|pinterest|mastodon|nextdoor|threads|bluesky)(?:&|$)"
        },
        {
          "id": "substack-share",
          "note": "Substack's share buttons (`?action=share`, `utm_content=share`).",
          "path": "[?&](?:action=share|utm_content=share)(?:&|$)"
        }
      ],
      "singleLinkMaxWords": 8
    },
    "toc": {
      "minHeadingMatch": 0.8,
      "minLinks": 2,
      "labels": [
        {
          "id": "toc-label",
          "note": "The title of a TOC plugin's box: \"Table of Contents\", \"Contents\", \"In this article\", and its translations (目录, 目錄, 目次, 목차, Inhaltsverzeichnis, Inhalt, Sommaire, Table des matières, Tabla de contenidos, Contenido, Indice, Sommario, Содержание).",
          "pattern": "^(?:table of contents|contents|in this (?:article|post)|jump to|目录|目錄|文章目录|目次|목차|inhaltsverzeichnis|inhalt|sommaire|table des matières|tabla de contenidos?|contenidos?|índice|indice|sommario|содержание)\\s*[:：]?$"
        }
      ],
      "toggles": [
        {
          "id": "toggle",
          "note": "The show/hide switch a TOC plugin puts beside its title (\"[hide]\", \"Toggle\", \"[隐藏]\", \"[ausblenden]\", \"[masquer]\", \"[ocultar]\", \"[nascondi]\", \"[숨기기]\"). Looked for at the end of the title, or as a block of its own right after it.",
          "pattern": "(?:\\[\\s*(?:hide|show|隐藏|显示|隱藏|顯示|ausblenden|anzeigen|masquer|afficher|ocultar|mostrar|nascondi|mostra|숨기기|보이기|скрыть|показать)\\s*\\]|\\btoggle(?: table of content)?)$"
        }
      ],
      "anchors": [
        {
          "id": "underscore-ids",
          "note": "Easy Table of Contents and Table of Contents Plus make a heading's id from its words joined with underscores, capitals kept (`#How_to_Start`); a Markdown renderer's slugs are lower-case.",
          "pattern": "^#(?=[^#\\s]*_)(?=[^#\\s]*\\p{Lu})[^#\\s]+$"
        },
        {
          "id": "yoast-ids",
          "note": "Yoast SEO's TOC block prefixes heading ids with `h-`.",
          "pattern": "^#h-[\\p{Ll}\\p{N}%-]+$"
        },
        {
          "id": "plugin-ids",
          "note": "Ids that name the plugin (`#ez-toc-…`, `#lwptoc…`, `#toc_…`).",
          "pattern": "^#(?:ez-toc|lwptoc|toc_|rank-math-toc)"
        }
      ]
    },
    "taxonomy": {
      "maxItemWords": 4,
      "labels": [
        {
          "id": "tags-en",
          "note": "English \"Tags:\", \"Tagged:\", \"Categories:\", \"Category:\", \"Filed under\", \"Posted in\" (WordPress theme footers).",
          "pattern": "^(?:(?:tags|tag|categories|category|topics)\\s*[:：]|(?:tagged(?: with| as)?|filed under|posted in)\\s*[:：]?)\\s*"
        },
        {
          "id": "tags-zh",
          "note": "Chinese 标签：/分类： (also \"分类：未分类\", WordPress's default category).",
          "pattern": "^(?:标签|標籤|分类|分類|文章分类|文章标签)\\s*[:：]\\s*"
        },
        {
          "id": "tags-ko",
          "note": "Korean 태그:/카테고리: (Tistory, WordPress).",
          "pattern": "^(?:태그|카테고리|분류)\\s*[:：]\\s*"
        },
        {
          "id": "tags-de",
          "note": "German \"Schlagwörter:\", \"Kategorie(n):\", \"Abgelegt unter:\".",
          "pattern": "^(?:schlagwörter|schlagworte|kategorien?|abgelegt unter)\\s*[:：]\\s*"
        },
        {
          "id": "tags-fr",
          "note": "French \"Étiquettes :\", \"Catégories :\", \"Mots-clés :\".",
          "pattern": "^(?:étiquettes|mots-clés|catégories?|classé dans)\\s*[:：]\\s*"
        },
        {
          "id": "tags-es",
          "note": "Spanish \"Etiquetas:\", \"Categorías:\", \"Archivado en:\".",
          "pattern": "^(?:etiquetas|categorías?|archivado en)\\s*[:：]\\s*"
        }
      ],
      "sentence": "(?<!\\p{L})(?:is|are|was|were|be|been|can|could|will|would|should|help|helps|let|lets|allow|allows|make|makes|mean|means|ist|sind|wird|werden|est|sont|sera|son|será|sirven?)(?!\\p{L})|(?:니다|어요|아요|해요)(?!\\p{L})"
    },
    "legalLinks": {
      "minLinks": 3,
      "maxLinkWords": 5,
      "minLegal": 2,
      "words": [
        {
          "id": "privacy",
          "note": "Privacy policy links (Datenschutz, politique de confidentialité, política de privacidad, 隐私政策, 개인정보처리방침).",
          "pattern": "^(?:privacy(?: policy| notice| statement)?|privacy (?:&|and) cookies?(?: policy)?|datenschutz(?:erklärung|hinweise?)?|politique de confidentialité|confidentialité|política de privacidad|privacidad|隐私政策|隐私条款|隱私權政策|개인정보\\s*처리\\s*방침)$"
        },
        {
          "id": "terms",
          "note": "Terms of use/service links (AGB, CGU, términos, 使用条款, 이용약관).",
          "pattern": "^(?:terms(?: of (?:use|service)| (?:&|and) conditions)?|tos|nutzungsbedingungen|agb|conditions (?:générales )?d'utilisation|cgu|cgv|términos(?: y condiciones| de uso)?|condiciones de uso|使用条款|服务条款|用户协议|이용\\s*약관)$"
        },
        {
          "id": "cookies",
          "note": "Cookie policy and settings links.",
          "pattern": "^(?:cookies?(?: policy| settings| preferences)?|cookie-richtlinie|politique (?:de|relative aux) cookies|política de cookies|cookie\\s*政策)$"
        },
        {
          "id": "refund",
          "note": "Refund and return policy links of a shop.",
          "pattern": "^(?:refunds?(?: policy)?|returns?(?: policy)?|returns? (?:&|and) refunds?(?: policy)?|widerrufsbelehrung|politique de remboursement|política de reembolso)$"
        },
        {
          "id": "license",
          "note": "Licence agreement links.",
          "pattern": "^(?:licen[cs]e(?: agreement| policy)?|eula|end user licen[cs]e agreement|lizenz(?:vereinbarung)?)$"
        },
        {
          "id": "disclaimer",
          "note": "Disclaimer links.",
          "pattern": "^(?:disclaimer|haftungsausschluss|avertissement|descargo de responsabilidad|免责声明|면책\\s*조항)$"
        },
        {
          "id": "imprint",
          "note": "Imprint and legal notice links (Impressum, mentions légales, aviso legal).",
          "pattern": "^(?:imprint|impressum|legal(?: notice)?|mentions légales|aviso legal|法律声明|법적\\s*고지)$"
        },
        {
          "id": "about",
          "note": "About-us links.",
          "pattern": "^(?:about(?: us)?|über uns|à propos(?: de nous)?|qui sommes-nous|sobre nosotros|quiénes somos|关于我们|關於我們|회사\\s*소개)$",
          "corporate": true
        },
        {
          "id": "careers",
          "note": "Careers links.",
          "pattern": "^(?:careers?|jobs|karriere|carrières|empleo|trabaja con nosotros|加入我们|招聘|채용)$",
          "corporate": true
        },
        {
          "id": "contact",
          "note": "Contact links.",
          "pattern": "^(?:contact(?: us)?|kontakt|contactez-nous|contacto|联系我们|聯絡我們|문의(?:하기)?|고객\\s*센터)$",
          "corporate": true
        }
      ]
    },
    "notices": [
      {
        "id": "repost-zh",
        "note": "Chinese repost notices: \"本文转载自：…\", \"转自 …\", \"本文首发于 …\", \"原载于 …\", naming the source only (a sentence that goes on, \"本文转载自一位老同事的笔记，他在…\", stays).",
        "pattern": "^(?:本文|此文|文章)?(?:转载|轉載|转|轉|摘|首发|首發|原载|原載|转帖|轉帖)(?:自|于|於)\\s*[:：]?\\s*[^\\n，。；！？,;!?]{1,80}[。.]?$"
      },
      {
        "id": "repost-request-zh",
        "note": "\"When reposting, credit the source (转载请注明出处)\".",
        "pattern": "^(?:转载|轉載)(?:请|請)(?:注明|註明|联系|聯繫)[^\\n]{0,100}$"
      },
      {
        "id": "source-line-zh",
        "note": "Chinese source lines \"原文链接：…\", \"出处：…\", \"来源：…\", with a link or URL.",
        "pattern": "^(?:原文|原文链接|原文鏈接|原文地址|原文出处|出处|出處|来源|來源)\\s*[:：]\\s*[^\\n]{1,200}$",
        "needsLink": true
      },
      {
        "id": "copyright-notice-zh",
        "note": "CSDN's \"版权声明：本文为…原创文章…转载请附上原文出处链接和本声明\".",
        "pattern": "^(?:版权声明|版權聲明)\\s*[:：][^\\n]{0,200}$"
      },
      {
        "id": "author-rights-zh",
        "note": "Juejin and Zhihu's \"著作权归作者所有。商业转载请联系作者获得授权，非商业转载请注明出处。\"",
        "pattern": "^著作权归作者所有[^\\n]{0,120}$"
      },
      {
        "id": "source-line-ko",
        "note": "Korean source lines (\"출처: …\"), with a link or URL.",
        "pattern": "^(?:출처|원문|원본 글|원문 보기)\\s*[:：]\\s*[^\\n]{1,200}$",
        "needsLink": true
      },
      {
        "id": "no-redistribution-ko",
        "note": "Korean news \"unauthorised reproduction and redistribution prohibited\".",
        "pattern": "^(?:<[^>]{0,40}>\\s*)?무단\\s*전재\\s*(?:및|와|,)\\s*재배포\\s*금지[^\\n]{0,40}$"
      },
      {
        "id": "source-line-ja",
        "note": "Japanese source lines, with a link or URL.",
        "pattern": "^(?:転載元|引用元|出典|元記事)\\s*[:：]\\s*[^\\n]{1,200}$",
        "needsLink": true
      },
      {
        "id": "source-line-ru",
        "note": "Russian source lines, with a link or URL.",
        "pattern": "^(?:оригинал статьи|источник)\\s*[:：]\\s*[^\\n]{1,200}$",
        "needsLink": true
      },
      {
        "id": "reposted-en",
        "note": "\"Reposted from X\" at the head or tail (\"Reprinted with permission\" is a licence notice and stays).",
        "pattern": "^(?:(?:this|the) (?:article|post|story|piece) (?:is|was|has been) )?re-?posted (?:from|on) (?!.*\\bpermission\\b)[^\\n]{1,150}$"
      },
      {
        "id": "originally-published-head-en",
        "note": "\"Originally published at example.com\" with a link, also at the head (the feed-footer rule takes it at the tail). \"Originally published in 1998, the paper…\" has no link and names no site: it stays.",
        "pattern": "^(?:this (?:article|post) was )?originally (?:published|posted) (?:at|on) [^\\n,]{1,120}$",
        "needsLink": true
      },
      {
        "id": "first-appeared-de",
        "note": "German \"Dieser Artikel erschien zuerst auf …\", also at the head.",
        "pattern": "^(?:dieser (?:artikel|beitrag)|der (?:artikel|beitrag)) erschien zuerst (?:auf|bei|in) [^\\n]{1,150}$"
      },
      {
        "id": "first-published-fr",
        "note": "French \"Cet article a été initialement publié sur …\", also at the head.",
        "pattern": "^(?:cet article a été|article) (?:initialement|originellement|d'abord) publié (?:sur|dans) [^\\n]{1,150}$"
      },
      {
        "id": "first-published-es",
        "note": "Spanish \"Este artículo fue publicado originalmente en …\", also at the head.",
        "pattern": "^(?:este artículo (?:fue|se) )?publica(?:do|ó) originalmente en [^\\n]{1,150}$"
      },
      {
        "id": "first-published-it",
        "note": "Italian \"Articolo originariamente pubblicato su …\", also at the head.",
        "pattern": "^(?:(?:questo )?articolo )?(?:(?:è stato )?pubblicato (?:originariamente|originalmente)|(?:originariamente|originalmente) pubblicato) su [^\\n]{1,150}$"
      },
      {
        "id": "originally-appeared-en",
        "note": "\"This post originally appeared in X (and is republished here with permission).\", \"This article was originally published on X.\", at the head or the tail (feed-footer takes the last blocks first, without the permission clause). \"… reproduced/reprinted here with permission\" is a licence notice and stays.",
        "pattern": "^(?=[^\\n]{1,300}$)(?![^\\n]*\\b(?:but|reproduced|reprinted|licen[cs]ed)\\b)(?:(?:this|the) (?:post|article|story|piece|essay|interview|review) (?:was |has been |is )?(?:originally|first) (?:appeared|published|posted|ran) (?:in|on|at) |originally appeared (?:in|on|at) )(?:\"[^\"]{1,100}\"|(?:[^,;.!?\\n]|[.!?](?=\\S)){1,120})(?:,? (?:on|in) [^,;.!?]{1,20}?,? \\d{4})?(?:,? and (?:is|has been) (?:re-?published|re-?posted|reproduced|shared) here with (?:kind |the )?permission(?: of [^\\n.]{1,80})?)?[.!]?$"
      },
      {
        "id": "originally-posted-en",
        "note": "\"Originally posted on X\" naming a place and nothing else (\"Originally published in 1998, the paper…\" goes on after a comma and stays; a bare year stays).",
        "pattern": "^originally (?:published|posted) (?:in|on|at) (?!\\d{4}\\b)(?:\"[^\"]{1,100}\"|(?:[^,;.!?\\n]|[.!?](?=\\S)){1,120})[.!]?$"
      },
      {
        "id": "cross-posted-en",
        "note": "\"Cross-posted from X\", at the head or the tail.",
        "pattern": "^(?:(?:this|the) (?:post|article|story|piece) (?:is|was|has been) )?cross-?posted (?:from|on|at|to) (?:\"[^\"]{1,100}\"|(?:[^,;.!?\\n]|[.!?](?=\\S)){1,120})[.!]?$"
      },
      {
        "id": "republished-with-permission-en",
        "note": "\"Republished with permission from X\" (\"Reprinted with permission\" alone is a licence notice and stays).",
        "pattern": "^re-?(?:published|posted) (?:here )?with (?:kind |the )?permission (?:from|of|by) (?:\"[^\"]{1,100}\"|(?:[^,;.!?\\n]|[.!?](?=\\S)){1,120})[.!]?$"
      }
    ]
  }
}
