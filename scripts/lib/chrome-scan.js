/**
 * An independent scan for page chrome and widgets, for `npm run corpus`,
 * `npm run eval` and tests (the "new junk kinds" of issue 14).
 *
 * Like scan.js, nothing here reads `rules/` or decruft's code: the patterns
 * are this script's own, so a chrome rule that misses something (or eats
 * content) cannot hide it by also being the judge. Deliberately narrow: a
 * line is counted only when it is chrome as a WHOLE line (a label, a menu of
 * short links, a counter, a share-endpoint link, a lone ad label…), so a
 * sentence about share buttons, cookies or comments is never junk here.
 *
 * Unit: one line of the document outside code (the line-based classifier of
 * markdown-lines.js), so "found in the input" and "left in the output" are
 * comparable counts. Each finding names its family and pattern:
 *
 * | family | what |
 * |---|---|
 * | page-chrome | sign-in/up lines, menus of short links, breadcrumbs, counters (views, comments, read time), tag/category lines, related/recent/trending labels and their link lists, prev/next links, author-box labels, copyright and legal-link footer lines, back-to-top |
 * | share | share-endpoint links (facebook sharer, twitter intent, …), share/like widget classes (sharedaddy, AddToAny, ShareThis, …), "Share this:"/"Like this:" labels |
 * | comment-form | WordPress/Disqus comment form lines and their translations, comment-form markup |
 * | platform | WeChat, Weibo, Medium and Substack prompts |
 * | repost | "reposted from / first appeared / 转载 / 출처" notices (first or last lines only) |
 * | toc-plugin | TOC-plugin markup (Easy TOC, TOC+, LuckyWP, Rank Math, Yoast) and "[hide]"/"Toggle" labels |
 * | ad-label | lone ad-label comments, "Advertisement"-only lines, empty ad placeholders |
 *
 * Languages: en, zh, ko, it, fr, es, de (some ja, ru, pt).
 */
import {classifyLines, proseLines} from './markdown-lines.js'

/** @typedef {import('./markdown-lines.js').Line} Line */
/** @typedef {'page-chrome' | 'share' | 'comment-form' | 'platform' | 'repost' | 'toc-plugin' | 'ad-label'} ChromeFamily */
/** @typedef {{family: ChromeFamily, pattern: string, line: number, chars: number, excerpt: string}} ChromeFinding */

/** The families, in report order. @type {readonly ChromeFamily[]} */
export const CHROME_FAMILIES = ['page-chrome', 'share', 'comment-form', 'platform', 'repost', 'toc-plugin', 'ad-label']

// ---------------------------------------------------------------------------
// Line views

const MD_LINK = /!?\[((?:[^\]\\]|\\.)*)\]\(\s*<?([^\s)>]*)[^)]*\)/g
const HTML_LINK = /<a\b[^>]*?href\s*=\s*["']?([^"'\s>]*)[^>]*>([\s\S]*?)<\/a>/gi
const AUTOLINK = /<(https?:\/\/[^>\s]+)>/g

/**
 * The links of a line and what is left of it once they are taken out.
 *
 * @param {string} line
 * @returns {{links: Array<{text: string, url: string}>, rest: string, text: string}} `text`: the line as a reader sees it.
 */
export function linkView(line) {
  /** @type {Array<{text: string, url: string}>} */
  const links = []
  let text = line
  let rest = line
  rest = rest.replace(HTML_LINK, (_, url, inner) => {
    links.push({text: stripTags(inner).trim(), url})
    return ' '
  })
  text = text.replace(HTML_LINK, (_, _url, inner) => ` ${stripTags(inner)} `)
  rest = rest.replace(MD_LINK, (whole, inner, url) => {
    if (!whole.startsWith('!')) links.push({text: stripTags(inner).trim(), url})
    return ' '
  })
  text = text.replace(MD_LINK, (whole, inner) => (whole.startsWith('!') ? ' ' : ` ${inner} `))
  rest = rest.replace(AUTOLINK, (_, url) => {
    links.push({text: url, url})
    return ' '
  })
  return {links, rest: bare(stripTags(rest)), text: bare(stripTags(text))}
}

/** @param {string} text */
function stripTags(text) {
  return text.replace(/<[^>]*>/g, ' ')
}

/**
 * A line without Markdown decoration: quote and list markers, heading
 * hashes, emphasis, escapes, entities for space; white space collapsed.
 *
 * @param {string} text
 */
export function bare(text) {
  return text
    .replace(/&nbsp;|&#160;|\u00a0/g, ' ')
    .replace(/&gt;/g, '>')
    .replace(/&raquo;/g, '»')
    .replace(/^(?:\s*(?:>|[-*+]|\d{1,3}[.)]|#{1,6})(?=\s|$))+/, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!>|])/g, '$1')
    .replace(/[*_~]{1,3}/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Words of a short text (CJK counted per 2 characters). @param {string} text */
function wordCount(text) {
  const cjk = (text.match(/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g) ?? []).length
  const latin = text.replace(/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g, ' ').match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []
  return latin.length + Math.ceil(cjk / 2)
}

/** @param {readonly string[]} words */
function alternation(words) {
  return words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|')
}

// ---------------------------------------------------------------------------
// Vocabulary (this script's own, by language)

const AUTH_WORDS = [
  // en
  'sign in',
  'sign up',
  'sign out',
  'log in',
  'login',
  'log out',
  'logout',
  'register',
  'create account',
  'create an account',
  'my account',
  'join',
  'join now',
  'subscribe',
  // zh
  '登录',
  '注册',
  '登入',
  '退出',
  '免费注册',
  '立即登录',
  '我的账户',
  // ko
  '로그인',
  '회원가입',
  '로그아웃',
  '회원 가입',
  '내 정보',
  // it
  'accedi',
  'registrati',
  'esci',
  'il mio account',
  // fr
  'se connecter',
  'connexion',
  "s'inscrire",
  's’inscrire',
  'inscription',
  'mon compte',
  'déconnexion',
  // es
  'iniciar sesión',
  'registrarse',
  'regístrate',
  'acceder',
  'mi cuenta',
  'cerrar sesión',
  // de
  'anmelden',
  'registrieren',
  'abmelden',
  'einloggen',
  'mein konto',
  'konto erstellen',
]
const AUTH_ONLY = new RegExp(`^(?:(?:${alternation(AUTH_WORDS)})(?![\\p{L}])[\\s|/·•,、]*)+$`, 'iu')

const NAV_WORDS = [
  'home',
  'about',
  'about us',
  'contact',
  'contact us',
  'blog',
  'news',
  'shop',
  'archive',
  'archives',
  'categories',
  'tags',
  'topics',
  '首页',
  '关于我们',
  '联系我们',
  '新闻',
  '博客',
  '首頁',
  '关于',
  '홈',
  '소개',
  '문의',
  '뉴스',
  '블로그',
  '회사소개',
  'chi siamo',
  'contatti',
  'notizie',
  'homepage',
  'accueil',
  'à propos',
  'actualités',
  'inicio',
  'contacto',
  'noticias',
  'acerca de',
  'nosotros',
  'startseite',
  'über uns',
  'kontakt',
  'nachrichten',
  'impressum',
]
const NAV_WORD = new RegExp(`^(?:${alternation(NAV_WORDS)})$`, 'iu')
const HOME_WORD = /^(?:home|首页|首頁|홈|inicio|accueil|startseite|homepage|home page)$/iu

const COUNTER = new RegExp(
  [
    '\\d[\\d,.]*\\s*[kKmM万]?\\s*(?:views?|comments?|likes?|shares?|reads?|reactions?|claps?|responses?)\\b',
    '\\d+\\s*min(?:ute)?s?\\s+read\\b',
    '(?:阅读|浏览|评论|点赞|收藏|分享|阅读量|浏览量)\\s*[:：]?\\s*\\d[\\d,.]*\\s*[万kK]?',
    '\\d[\\d,.]*\\s*(?:次阅读|次浏览|条评论|人阅读|人看过|分钟阅读)',
    '(?:조회수?|댓글|공감|좋아요)\\s*[:：]?\\s*\\d[\\d,.]*',
    '\\d+\\s*분\\s*(?:읽기|소요)',
    '\\d[\\d,.]*\\s*(?:visualizzazioni|commenti|letture|mi piace)\\b',
    '(?:tempo di )?lettura\\s*[:：]?\\s*\\d+\\s*min(?:uti)?',
    '\\d[\\d,.]*\\s*(?:vues|commentaires|partages)\\b',
    '\\d+\\s*min(?:utes?)?\\s+de\\s+lecture',
    '\\d[\\d,.]*\\s*(?:visitas|vistas|comentarios|lecturas)\\b',
    '\\d+\\s*min(?:utos?)?\\s+de\\s+lectura',
    '\\d[\\d,.]*\\s*(?:Aufrufe|Kommentare|Leser)\\b',
    '(?:Lesezeit|Lesedauer)\\s*[:：]?\\s*\\d+\\s*Min',
    '\\d+\\s*Min(?:uten)?\\.?\\s+Lesezeit',
  ].join('|'),
  'giu',
)
const DATE =
  /\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\b|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\d{4}\.\s?\d{1,2}\.\s?\d{1,2}\.?/g

const TAG_LABEL =
  /^(?:tags?|tagged(?:\s+with)?|filed\s+under|categories|category|posted\s+in|topics|标签|分类|标签云|태그|카테고리|분류|categorie|categoria|argomenti|étiquettes|catégories?|mots-clés|etiquetas|categorías?|temas|schlagwörter|schlagworte|kategorien?|themen)\s*[:：]/iu

const LIST_LABEL = new RegExp(
  // Leading symbols and emoji ("💎 Recommended Tool") do not change the label.
  `^[^\\p{L}\\p{N}]*(?:${alternation([
    'recent posts',
    'recent news',
    'recent articles',
    'latest news',
    'latest posts',
    'latest articles',
    'latest stories',
    'trending',
    'trending now',
    'trending posts',
    'popular posts',
    'popular articles',
    'most read',
    'most popular',
    'related news',
    'related posts',
    'related articles',
    'related stories',
    'more stories',
    'more news',
    'you may also like',
    'you might also like',
    'read next',
    'editor’s picks',
    "editor's picks",
    'top stories',
    'recommended',
    'recommended tool',
    'recommended tools',
    'recommended product',
    'recommended products',
    'recommended for you',
    '最新文章',
    '最新资讯',
    '最新新闻',
    '热门文章',
    '热门推荐',
    '热门资讯',
    '热门',
    '热搜',
    '最近文章',
    '相关文章',
    '相关阅读',
    '推荐阅读',
    '猜你喜欢',
    '精彩推荐',
    '인기 글',
    '인기글',
    '최근 글',
    '최근글',
    '최신 글',
    '최신글',
    '관련 글',
    '관련글',
    '추천 글',
    '많이 본 뉴스',
    '인기 기사',
    'articoli recenti',
    'articoli correlati',
    'più letti',
    'ultimi articoli',
    'potrebbe interessarti',
    'leggi anche',
    'in evidenza',
    'articles récents',
    'articles similaires',
    'les plus lus',
    'à lire aussi',
    'derniers articles',
    'sur le même sujet',
    'entradas recientes',
    'artículos relacionados',
    'lo más leído',
    'últimas noticias',
    'te puede interesar',
    'más leídos',
    'neueste beiträge',
    'beliebte beiträge',
    'meistgelesen',
    'ähnliche beiträge',
    'das könnte sie auch interessieren',
    'weitere artikel',
    'neueste artikel',
  ])})\\s*[:：]?$`,
  'iu',
)

const PREV_NEXT =
  /^(?:[«‹←<]\s*)?(?:previous|next|older|newer)\s+(?:post|article|story|entry|posts|entries)\b|^(?:上一篇|下一篇|上一页|下一页)|^(?:이전\s?글|다음\s?글|이전\s?포스트|다음\s?포스트)|^articolo\s+(?:precedente|successivo)|^article\s+(?:précédent|suivant)|^(?:entrada|artículo)\s+(?:anterior|siguiente)|^siguiente\s+(?:entrada|artículo)|^(?:vorheriger|nächster)\s+(?:beitrag|artikel)/iu

/** "About the author" labels: only when not a heading (a README's "About the Author" section is content). */
const AUTHOR_LABEL =
  /^(?:about\s+the\s+author|关于作者|作者简介|작성자\s*소개|글쓴이\s*소개|sull['’]autore|à\s+propos\s+de\s+l['’]auteur|sobre\s+el\s+autor|über\s+den\s+autor|über\s+die\s+autorin)\s*[:：]?$/iu
const AUTHOR_BOX =
  /^(?:view\s+all\s+posts\s+by\b|more\s+posts\s+by\b|查看作者的?所有文章|이\s*작성자의\s*다른\s*글|visualizza\s+tutti\s+gli\s+articoli\s+di\b|voir\s+tous\s+les\s+articles\s+de\b|ver\s+todas\s+las\s+entradas\s+de\b|alle\s+beiträge\s+von\b)/iu

const COPYRIGHT =
  /^(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(?:\d{4}|[\p{L}])|all rights reserved|版权所有|保留所有权利|무단\s?전재|tutti i diritti riservati|tous droits réservés|todos los derechos reservados|alle rechte vorbehalten/iu
const LEGAL_LINK =
  /^(?:privacy(?:\s+policy)?|terms(?:\s+of\s+(?:use|service))?|cookie\s+(?:policy|settings)|imprint|impressum|datenschutz(?:erklärung)?|agb|隐私政策|隐私条款|使用条款|服务条款|개인정보\s?처리방침|이용약관|informativa\s+(?:sulla\s+)?privacy|cookie policy|mentions\s+légales|politique\s+de\s+confidentialité|aviso\s+legal|política\s+de\s+privacidad|política\s+de\s+cookies|sitemap|rss)$/iu
const BACK_TO_TOP =
  /^(?:[↑⬆^]\s*)?(?:back\s+to\s+top|返回顶部|回到顶部|맨\s?위로|torna\s+su|retour\s+en\s+haut|volver\s+arriba|nach\s+oben)(?:\s*[↑⬆^])?$/iu

const SHARE_URL =
  /\b(?:facebook\.com\/sharer|twitter\.com\/(?:intent\/tweet|share)|x\.com\/intent\/(?:tweet|post)|linkedin\.com\/(?:shareArticle|sharing\/share-offsite)|reddit\.com\/submit|pinterest\.com\/pin\/create|api\.whatsapp\.com\/send|wa\.me\/\?|t\.me\/share|telegram\.me\/share|service\.weibo\.com\/share|connect\.qq\.com\/widget\/shareqq|sns\.qzone\.qq\.com\/cgi-bin\/qzshare|vk\.com\/share\.php|getpocket\.com\/(?:save|edit)|news\.ycombinator\.com\/submitlink|social-plugins\.line\.me\/lineit\/share|story\.kakao\.com\/share|share\.naver\.com|addtoany\.com\/(?:add_to|share)|buffer\.com\/add|tumblr\.com\/(?:widgets\/)?share|b\.hatena\.ne\.jp\/entry)|[?&](?:amp;)?share=(?:twitter|facebook|linkedin|reddit|email|print|pocket|telegram|jetpack-whatsapp|tumblr|pinterest|x|mastodon|threads|bluesky)\b|\bmailto:\?(?:subject|body)=/i
const SHARE_CLASS =
  /<[a-z][^>]*\b(?:class|id)\s*=\s*["'][^"']*\b(?:sharedaddy|sd-sharing|sd-social|sd-block|sd-like|jetpack-likes-widget|jp-post-flair|jp-relatedposts|a2a_kit|a2a_dd|a2a_button_\w+|addtoany_\w+|sharethis-inline-\w+|shareaholic-canvas|addthis_(?:inline_share_toolbox|toolbox|sharing_toolbox)|swp_social_panel|mashsb-\w+|heateor_sss_\w+|essb_links|ssba\w*|social-share\w*|share-buttons?)\b/i
const SHARE_LABEL =
  /^(?:share\s+this(?:\s+(?:post|article|story|page))?|share\s+(?:on|via|with)|share|like\s+this|like\s+loading(?:\.\.\.|…)?|loading(?:\.\.\.|…)|be\s+the\s+first\s+to\s+like\s+this\.?|分享到|分享(?:这篇)?文章|分享|공유하기|이\s*글\s*공유하기|공유|condividi(?:\s+questo\s+articolo)?|mi\s+piace|partager(?:\s+cet\s+article)?|j['’]aime\s+ça|compartir(?:\s+esto)?|me\s+gusta\s+esto|teilen(?:\s+mit)?|diesen\s+beitrag\s+teilen|gefällt\s+mir)\s*[:：]?$/iu

/** Comment-form labels: whole line (one or more of them: "Leave a Reply Cancel reply"). */
const COMMENT_LABEL = new RegExp(
  `^(?:(?:${[
    'leave\\s+a\\s+(?:reply|comment)',
    'cancel\\s+reply',
    'post\\s+comment',
    'add\\s+a\\s+comment',
    'comments\\s+are\\s+closed\\.?',
    'join\\s+the\\s+discussion',
    '\\d+\\s+(?:comments?|responses?|replies)',
    'no\\s+comments(?:\\s+yet)?',
    'schreibe\\s+einen\\s+kommentar',
    'antworten\\s+abbrechen',
    'kommentar\\s+abschicken',
    'hinterlasse\\s+einen\\s+kommentar',
    '\\d+\\s+kommentare?',
    'laisser\\s+un\\s+commentaire',
    'laisser\\s+une\\s+réponse',
    'annuler\\s+la\\s+réponse',
    'laissez\\s+un\\s+commentaire',
    '\\d+\\s+commentaires?',
    'deja\\s+una\\s+respuesta',
    'deja\\s+un\\s+comentario',
    'cancelar\\s+respuesta',
    'publicar\\s+comentario',
    '\\d+\\s+comentarios?',
    'lascia\\s+un\\s+commento',
    'lascia\\s+una\\s+risposta',
    'annulla\\s+risposta',
    'pubblica\\s+il\\s+commento',
    'commenta\\s+per\\s+primo',
    '\\d+\\s+commenti',
    '发表评论',
    '发表回复',
    '取消回复',
    '评论已关闭',
    '写下你的评论',
    '暂无评论',
    '\\d+\\s*条评论',
    '评论\\s*[（(]\\d+[)）]',
    '댓글\\s*남기기',
    '답글\\s*남기기',
    '댓글\\s*달기',
    '댓글\\s*쓰기',
    '댓글\\s*\\d+개?',
  ].join('|')})\\s*[:：]?\\s*)+$`,
  'iu',
)
/** Comment-form notices: the line starts with one (the rest is the notice's own wording). */
const COMMENT_NOTICE = new RegExp(
  `^(?:${[
    'your\\s+email\\s+address\\s+will\\s+not\\s+be\\s+published',
    'required\\s+fields\\s+are\\s+marked',
    'save\\s+my\\s+name,\\s+email',
    'this\\s+site\\s+uses\\s+akismet',
    'notify\\s+me\\s+of\\s+(?:follow-up\\s+comments|new\\s+posts)',
    'you\\s+must\\s+be\\s+logged\\s+in\\s+to\\s+post\\s+a\\s+comment',
    'please\\s+enable\\s+javascript\\s+to\\s+view\\s+the\\s+comments',
    'log\\s+in\\s+to\\s+(?:leave|post)\\s+a\\s+comment',
    'sign\\s+in\\s+to\\s+comment',
    '(?:deine|ihre)\\s+e-mail-adresse\\s+wird\\s+nicht\\s+veröffentlicht',
    'erforderliche\\s+felder\\s+sind',
    'votre\\s+adresse\\s+(?:e-mail|de\\s+messagerie|email)\\s+ne\\s+sera\\s+pas\\s+publiée',
    'les\\s+champs\\s+obligatoires\\s+sont',
    'tu\\s+dirección\\s+de\\s+correo\\s+electrónico\\s+no\\s+será\\s+publicada',
    'los\\s+campos\\s+obligatorios\\s+están',
    'il\\s+tuo\\s+indirizzo\\s+email\\s+non\\s+sarà\\s+pubblicato',
    'i\\s+campi\\s+obbligatori\\s+sono',
    '您的电子邮箱地址不会被公开',
    '必填项已用',
    '登录后(?:才能)?(?:发表)?评论',
    '이메일\\s*주소는\\s*공개되지\\s*않습니다',
    '필수\\s*필드는',
    '로그인(?:해야|하셔야|후)\\s*댓글',
    '댓글을\\s*(?:작성|남기)려면\\s*로그인',
  ].join('|')})`,
  'iu',
)
/** A form field's label as a scraper keeps it: one to three words and the required star (`Name *`, `评论 *`). */
const FORM_FIELD = /^[\p{L}][\p{L}\p{M}.'’-]*(?:\s[\p{L}\p{M}.'’-]+){0,2}\s?\*$/u
const COMMENT_MARKUP =
  /<[a-z][^>]*\b(?:class|id)\s*=\s*["'][^"']*\b(?:respond|comment-respond|commentform|comment-form|reply-title|comment-reply-title|cancel-comment-reply-link|akismet_comment_form_privacy_notice|disqus_thread|wpdiscuz\w*)\b/i

const PLATFORM = new RegExp(
  [
    // WeChat
    '微信扫一扫',
    '扫一扫关注',
    '长按(?:识别)?二维码',
    '扫码关注',
    '点击上方(?:蓝字|“[^”]{1,12}”)',
    '设为星标',
    '^(?:轻触)?阅读原文$',
    '预览时标签不可点',
    '喜欢此内容的人还喜欢',
    '继续滑动看下一个',
    '向上滑动看下一个',
    '^收录于(?:合集|话题)',
    '轻点两下取消(?:赞|在看)',
    '^(?:(?:在看|点赞|分享|赞赏|写留言|留言|喜欢作者|赞|推荐)[\\s|·，,、]*){2,}$',
    '^喜欢作者$',
    '^(?:关注该公众号|使用小程序)$',
    '^原创\\s.*\\d{1,2}:\\d{2}$',
    'scan\\s+to\\s+follow',
    'scan\\s+with\\s+weixin',
    'js_profile_qrcode',
    'rich_media_meta',
    'reward_area',
    'qr_code_pc',
    // Weibo
    '分享到(?:新浪)?微博',
    '关注我的微博',
    // Medium
    '^member-only\\s+story$',
    '^recommended\\s+from\\s+medium$',
    'sign\\s+up\\s+to\\s+discover\\s+human\\s+stories',
    '^what\\s+are\\s+your\\s+thoughts\\?$',
    '^responses\\s*\\(\\d+\\)$',
    '^get\\s+the\\s+medium\\s+app$',
    '^open\\s+in\\s+app$',
    '^(?:listen|share|follow)(?:\\s+(?:listen|share|follow))*$',
    '^help\\s+status\\s+about\\s+careers\\s+press',
    '^\\d+(?:\\.\\d+)?\\s*[KkM]?\\s+followers$',
    // Substack
    '^discussion\\s+about\\s+this\\s+post$',
    '^ready\\s+for\\s+more\\?$',
    'subscribe\\s+for\\s+free\\s+to\\s+receive\\s+new\\s+posts',
    '^type\\s+your\\s+email(?:\\.\\.\\.|…)?$',
    'subscription-widget',
    'captioned-button-wrap',
    'substack\\.com/subscribe',
    '[?&]action=share\\b',
    'utm_medium=email&(?:amp;)?utm_content=share',
  ].join('|'),
  'iu',
)

const REPOST = new RegExp(
  [
    '\\breposted\\s+(?:from|with\\s+permission)',
    '\\bcross-?posted\\s+(?:from|to|on)',
    '\\brepublished\\s+(?:from|with\\s+permission)',
    '^(?:this\\s+(?:article|post|story)\\s+)?(?:was\\s+)?(?:originally|first)\\s+(?:published|posted|appeared)\\s+(?:on|at|in)\\s+(?:\\[|<a\\b|https?:|[\\p{Lu}])',
    '(?:dieser\\s+artikel|der\\s+beitrag|dieser\\s+beitrag)\\s+erschien\\s+zuerst',
    '^zuerst\\s+erschienen\\s+(?:auf|bei|in)',
    "(?:cet\\s+article|article)\\s+(?:a\\s+été\\s+)?(?:initialement|originellement|d['’]abord)\\s+publié",
    '^publié\\s+initialement\\s+sur',
    'publicad[oa]\\s+originalmente\\s+en',
    '(?:originariamente|originalmente|inizialmente)\\s+pubblicat[oa]\\s+su',
    '本文(?:转载|转自|首发|原载)(?:自|于)?',
    '转载请注明(?:出处|来源)',
    '版权声明\\s*[:：]\\s*本文为',
    '著作权归作者所有',
    '商业转载请联系作者',
    '무단\\s?전재\\s?및\\s?재배포\\s?금지',
    '転載元',
    'Оригинал\\s+статьи',
  ].join('|'),
  'iu',
)
/**
 * Bare source labels (`来源：`, `출처:`) count only in the first or last lines
 * of the body: a source line in a list of references is content.
 */
const REPOST_EDGE = /^(?:原文(?:链接|地址|出处)?|来源|出处|转自|转载自|출처|원문(?:\s*보기)?|Источник)\s*[:：]/iu
const EDGE_LINES = 12

const TOC_MARKUP =
  /<[a-z][^>]*\b(?:class|id)\s*=\s*["'][^"']*\b(?:ez-toc[\w-]*|toc_container|toc_title|toc_list|toc_toggle|lwptoc\w*|wp-block-rank-math-toc-block|rank-math-toc\w*|yoast-table-of-contents|yoast-toc\w*)\b/i
const TOC_TOGGLE =
  /^(?:(?:table\s+of\s+contents|contents|目录|目次|목차|inhaltsverzeichnis|inhalt|sommaire|table\s+des\s+matières|tabla\s+de\s+contenidos|índice|indice|sommario|содержание)\s*)?(?:\[\s*(?:hide|show|toggle|隐藏|显示|숨기기|보이기|ausblenden|anzeigen|masquer|afficher|ocultar|mostrar|nascondi|mostra)\s*\]|toggle|toggle\s+table\s+of\s+contents)$/iu

const AD_COMMENT =
  /^<!--\s*(?:\/?\s*(?:ads?|advert|adverts|advertisement|advertising|sponsored)(?:[\s_-]*(?:label|slot|unit|space|block|placeholder|here|spot|box|\d+))?|ad[\s_-]*(?:label|slot|unit|space|block|placeholder))\s*-->$/i
const AD_WORD_LINE =
  /^[-–—\s]*(?:advertisement|advertising|advert|ad|sponsored|anzeige|werbung|publicité|publicidad|pubblicità|annuncio|广告|廣告|광고|реклама|scroll\s+to\s+continue\s+with\s+content)[-–—\s]*$/iu
const EMPTY_AD =
  /<(div|span|ins|aside|section)\b[^>]*\b(?:class|id)\s*=\s*["'][^"']*\b(?:content-ad|ad-slot|adslot|adunit|ad-unit|ad-container|ad-wrapper|ad-placeholder|ad-space|td-a-rec|td-adspot-title|quads-location|code-block-\d+)\b[^"']*["'][^>]*>\s*(?:<\/\1>)?\s*$/i

// ---------------------------------------------------------------------------
// The scan

/**
 * Short link texts: ≤ 4 words and no sentence end (a menu item, a tag).
 *
 * @param {string} text
 */
function isShortLinkText(text) {
  return text.length > 0 && wordCount(text) <= 4 && !/[.!?。！？]\s*$/.test(text)
}

/** A line that is nothing but links (and separators). @param {ReturnType<typeof linkView>} view */
function isLinkOnly(view) {
  return view.links.length > 0 && /^[\s|/·•,、>»›→\-–—:：]*$/.test(view.rest)
}

/**
 * The page-chrome pattern a line matches, if any.
 *
 * @param {ReturnType<typeof linkView>} view
 * @param {boolean} heading Whether the line is a heading.
 * @returns {string | undefined}
 */
function pageChromePattern(view, heading) {
  const text = view.text
  if (!text) return undefined
  if (AUTH_ONLY.test(text)) return 'auth'
  if (BACK_TO_TOP.test(text)) return 'back-to-top'
  if (view.links.length >= 2 && isLinkOnly(view)) {
    const texts = view.links.map((link) => link.text)
    if (texts.every(isShortLinkText)) {
      if (texts.some((t) => NAV_WORD.test(t)) && view.links.length >= 4) return 'menu'
      if (texts.filter((t) => LEGAL_LINK.test(t)).length >= 2) return 'legal-links'
    }
  }
  // Breadcrumbs: Home > A > B (links or not), each step short.
  const steps = text.split(/\s*(?:>|»|›|→|\/)\s*/)
  if (steps.length >= 3 && HOME_WORD.test(steps[0] ?? '') && steps.slice(0, -1).every((step) => step && wordCount(step) <= 5))
    return 'breadcrumb'
  if (text.length <= 120) {
    COUNTER.lastIndex = 0
    if (COUNTER.test(text)) {
      const left = text
        .replace(COUNTER, ' ')
        .replace(DATE, ' ')
        .replace(/\b(?:by|von|par|por|di|da)\s+[\p{L}.]+(?:\s+[\p{L}.]+)?/giu, ' ')
      if (wordCount(left.replace(/[|·•,、:：\-–—()[\]]/g, ' ')) <= 2) return 'counter'
    }
  }
  if (TAG_LABEL.test(text)) {
    const after = text.replace(TAG_LABEL, '').trim()
    const items = after.split(/\s*[,，、|·/]\s*|\s{2,}/).filter(Boolean)
    if (
      items.length >= 1 &&
      items.every((item) => wordCount(item) <= 4) &&
      (view.links.length > 0 || items.length >= 2 || after.length <= 30)
    )
      return 'tags'
  }
  if (LIST_LABEL.test(text)) return 'list-label'
  if (PREV_NEXT.test(text) && text.length <= 160) return 'prev-next'
  if (AUTHOR_BOX.test(text) && text.length <= 120) return 'author-box'
  if (!heading && AUTHOR_LABEL.test(text)) return 'author-box'
  if (COPYRIGHT.test(text) && text.length <= 200) return 'copyright'
  return undefined
}

/**
 * Page chrome and widgets left outside code, one finding per line.
 *
 * @param {string} text A whole document.
 * @param {readonly Line[]} [lines] Its lines, if classified already.
 * @returns {ChromeFinding[]}
 */
export function scanChrome(text, lines = classifyLines(text)) {
  const prose = proseLines(lines)
  /** @type {ChromeFinding[]} */
  const findings = []
  const body = prose.map((line, index) => ({line, index})).filter(({line}) => line.trim() !== '')
  const edge = new Set([...body.slice(0, EDGE_LINES), ...body.slice(-EDGE_LINES)].map(({index}) => index))
  const menus = menuListLines(prose, lines)
  /** What the lines under a label continue: a related/recent list, or a TOC plugin's anchor list. */
  /** @type {'list-label' | 'toc-toggle' | undefined} */
  let open
  let inComment = false
  for (let index = 0; index < prose.length; index++) {
    const raw = prose[index]
    if (raw.trim() === '') continue
    // Inside a multi-line HTML comment nothing is shown: not chrome a reader sees.
    if (inComment) {
      if (raw.includes('-->')) inComment = false
      continue
    }
    if (lines[index].kind === 'html' && /<!--(?![\s\S]*-->)/.test(raw)) {
      inComment = true
      continue
    }
    const view = linkView(raw)
    /** @param {ChromeFamily} family @param {string} pattern */
    const add = (family, pattern) =>
      findings.push({family, pattern, line: index + 1, chars: raw.trim().length, excerpt: raw.trim().replace(/\s+/g, ' ').slice(0, 100)})
    const trimmed = raw.trim()
    const heading = lines[index].kind === 'heading' || lines[index + 1]?.kind === 'setext'
    /** @type {[ChromeFamily, string] | undefined} */
    const found = menus.has(index) ? ['page-chrome', 'menu'] : classifyLine(trimmed, view, edge.has(index), heading)
    // A source line among a translation's credits (original author, translator, proofreaders) is attribution, kept.
    if (found?.[1] === 'repost-notice' && isCreditItem(prose, index)) continue
    if (found) {
      add(found[0], found[1])
      open = found[1] === 'list-label' || found[1] === 'toc-toggle' ? found[1] : undefined
      continue
    }
    if (open === 'list-label' && isLinkOnly(view) && view.links.every((link) => wordCount(link.text) <= 16)) {
      add('page-chrome', 'list-item')
      continue
    }
    if (open === 'toc-toggle' && isLinkOnly(view) && view.links.every((link) => link.url.startsWith('#'))) {
      add('toc-plugin', 'toc-item')
      continue
    }
    open = undefined
  }
  return findings
}

/** Words of a translation's credits list (原文作者, 译者, 校对者, translator, proofreader …). */
const CREDIT_WORD = /(?:原文作者|原作者|译者|譯者|校对|校對|translator|translated\s+by|proofread|übersetz|traduct|traduzione|번역)/iu

/**
 * Whether line `index` is an item of a list of credits: a list item with a
 * credits line within three lines of it.
 *
 * @param {readonly string[]} prose
 * @param {number} index
 */
function isCreditItem(prose, index) {
  if (!/^\s*(?:>\s*)*(?:[-*+]|\d+[.)])\s/.test(prose[index] ?? '')) return false
  for (let near = Math.max(0, index - 3); near <= index + 3; near++) if (near !== index && CREDIT_WORD.test(prose[near] ?? '')) return true
  return false
}

/**
 * @param {string} trimmed
 * @param {ReturnType<typeof linkView>} view
 * @param {boolean} atEdge
 * @param {boolean} heading
 * @returns {[ChromeFamily, string] | undefined}
 */
function classifyLine(trimmed, view, atEdge, heading) {
  if (AD_COMMENT.test(trimmed)) return ['ad-label', 'ad-comment']
  if (EMPTY_AD.test(trimmed)) return ['ad-label', 'empty-ad']
  if (view.text && AD_WORD_LINE.test(view.text) && view.links.length === 0) return ['ad-label', 'ad-word']
  if (TOC_MARKUP.test(trimmed)) return ['toc-plugin', 'toc-markup']
  if (view.text && TOC_TOGGLE.test(view.text) && /\[|toggle/i.test(view.text)) return ['toc-plugin', 'toc-toggle']
  if (SHARE_URL.test(trimmed) && (isLinkOnly(view) || /^</.test(trimmed))) return ['share', 'share-endpoint']
  if (SHARE_CLASS.test(trimmed)) return ['share', 'share-markup']
  if (view.text && SHARE_LABEL.test(view.text)) return ['share', 'share-label']
  if (COMMENT_MARKUP.test(trimmed)) return ['comment-form', 'comment-markup']
  if (view.text && (COMMENT_LABEL.test(view.text) || (COMMENT_NOTICE.test(view.text) && view.text.length <= 240)))
    return ['comment-form', 'comment-form']
  if (view.links.length === 0 && FORM_FIELD.test(trimmed)) return ['comment-form', 'form-field']
  if (PLATFORM.test(trimmed) || (view.text && PLATFORM.test(view.text))) return ['platform', 'platform-prompt']
  if (view.text && view.text.length <= 300 && (REPOST.test(view.text) || (atEdge && REPOST_EDGE.test(view.text))))
    return ['repost', 'repost-notice']
  const chrome = pageChromePattern(view, heading)
  return chrome ? ['page-chrome', chrome] : undefined
}

/**
 * Indexes of the lines of menu lists: ≥ 4 consecutive list items, each one
 * short link and nothing else, at least one of them a menu or legal word
 * (Home, Contact, Impressum …). A list of article links is not a menu.
 *
 * @param {readonly string[]} prose
 * @param {readonly Line[]} lines
 * @returns {Set<number>}
 */
function menuListLines(prose, lines) {
  /** @type {Set<number>} */
  const menus = new Set()
  /** @type {number[]} */
  let run = []
  let nav = false
  const close = () => {
    if (run.length >= 4 && nav) for (const index of run) menus.add(index)
    run = []
    nav = false
  }
  for (let index = 0; index < prose.length; index++) {
    const raw = prose[index]
    if (raw.trim() === '') continue
    const view = lines[index].kind === 'list' ? linkView(raw) : undefined
    const link = view && view.links.length === 1 && isLinkOnly(view) ? view.links[0] : undefined
    if (!link || !isShortLinkText(link.text)) {
      close()
      continue
    }
    run.push(index)
    nav ||= NAV_WORD.test(link.text) || LEGAL_LINK.test(link.text)
  }
  close()
  return menus
}

/**
 * Line numbers (1-based) the scan counts as chrome: content there may go
 * (the loss check does not count it).
 *
 * @param {string} text
 * @param {readonly Line[]} [lines]
 */
export function chromeLineSet(text, lines = classifyLines(text)) {
  return new Set(scanChrome(text, lines).map((finding) => finding.line))
}

/**
 * Findings counted by family (every family present, 0 when none).
 *
 * @param {readonly ChromeFinding[]} findings
 * @returns {Record<ChromeFamily, number>}
 */
export function countByFamily(findings) {
  /** @type {Record<string, number>} */
  const counts = Object.fromEntries(CHROME_FAMILIES.map((family) => [family, 0]))
  for (const finding of findings) counts[finding.family]++
  return /** @type {Record<ChromeFamily, number>} */ (counts)
}
