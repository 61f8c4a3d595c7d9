/**
 * A synthetic evaluation set for page chrome (`npm run eval`, tests/eval.test.ts).
 *
 * Neither corpus holds a real whole-page scrape, so this module writes them:
 * sites × articles of whole-page scrapes and platform exports in en, zh, ko,
 * it, fr, es and de, with GOLD labels by construction (every character range
 * is known to be junk of a given kind, content, or neither), plus clean
 * articles (no chrome, some that talk about share buttons, cookies, comments
 * and carry a hand-made TOC) and repost networks (one tutorial under many
 * titles: content that recurs with its neighbours, which must be kept).
 *
 * All prose is this module's own (a small sentence bank per language), never
 * corpus text. Deterministic: the same seed gives the same sites, byte for
 * byte (mulberry32 of random.js).
 *
 * Each site has its own template: which chrome it shows, in which order and
 * shape (a menu as a list or a line, share rows as endpoint links or as
 * Jetpack markup, …), the same on each of its pages, with per-page details
 * (dates, counters, related links, the title in the breadcrumb) varying the
 * way real pages do.
 */
import {createRandom} from './random.js'

/** @typedef {'en' | 'zh' | 'ko' | 'it' | 'fr' | 'es' | 'de'} Lang */
/** @typedef {'whole-page' | 'blog' | 'wechat' | 'medium' | 'substack' | 'clean' | 'repost'} SiteKind */
/**
 * A labelled range of an article: `junk` kinds are what a cleaner should
 * remove, content what it must keep; `frontmatter` is neither (other rules
 * own it).
 *
 * @typedef {object} Segment
 * @property {number} start
 * @property {number} end
 * @property {string} kind `content:<block>`, `junk:<kind>` or `frontmatter`.
 * @property {boolean} junk
 */
/** @typedef {{path: string, url: string, title: string, text: string, segments: Segment[]}} Page */
/** @typedef {{id: string, lang: Lang, kind: SiteKind, host: string, pages: Page[]}} Site */

/** The languages of the set, in report order. @type {readonly Lang[]} */
export const LANGS = ['en', 'zh', 'ko', 'it', 'fr', 'es', 'de']

// ---------------------------------------------------------------------------
// Sentence banks (original text; `{t}` is the article's topic word)

/** @type {Record<Lang, {topics: string[], sentences: string[], headings: string[], steps: string[], captions: string[]}>} */
const BANK = {
  en: {
    topics: ['sourdough', 'balcony tomatoes', 'bike brakes', 'home backups', 'tea blends', 'trail maps', 'old radios', 'window boxes'],
    sentences: [
      'Most people who try {t} for the first time give up after a week, and the reason is rarely the one they expect.',
      'I kept a notebook for three months and wrote down every small change I made to my {t} routine.',
      'The cheapest tools turned out to be good enough, as long as they were cleaned after every use.',
      'What surprised me was how much the weather changed the result, even indoors.',
      'A neighbour who has done this for twenty years laughed when I showed her my first attempt.',
      'If you only remember one thing from this post, let it be that patience beats equipment.',
      'The second month went better, mostly because I stopped changing three things at once.',
      'There is a lot of advice online about {t}, and much of it contradicts itself.',
      'I measured everything twice and still got it wrong on the first Saturday.',
      'By the end of the season the routine took ten minutes a day instead of an hour.',
      'None of this needs a special room; a corner of the kitchen was all I used.',
      'Friends asked for the details, so here they are, mistakes included.',
    ],
    headings: ['What I started with', 'The first mistakes', 'A better routine', 'What I would change', 'Costs and time'],
    steps: [
      'Clean the work surface and gather the tools.',
      'Measure twice and write the numbers down.',
      'Wait a full day before you judge the result.',
      'Change one thing at a time.',
    ],
    captions: ['The setup on the first day', 'After three weeks'],
  },
  zh: {
    topics: ['酸面包', '阳台番茄', '自行车刹车', '家庭备份', '花草茶', '登山地图', '老式收音机', '窗台花箱'],
    sentences: [
      '第一次尝试{t}的人大多在一周之内就放弃了，原因往往出乎他们的意料。',
      '我用三个月记了一本笔记，把{t}过程中的每一个小改动都写了下来。',
      '最便宜的工具其实已经足够好用，只要每次用完都清洗干净。',
      '让我意外的是，即使在室内，天气对结果的影响也这么大。',
      '一位做了二十年的邻居看到我的第一次尝试时笑了出来。',
      '如果这篇文章你只记住一件事，那就是耐心比装备更重要。',
      '第二个月顺利多了，主要是因为我不再同时改变三件事情。',
      '网上关于{t}的建议很多，其中不少互相矛盾。',
      '我每样东西都量了两遍，第一个周六还是做错了。',
      '到季末的时候，整个流程每天只需要十分钟，而不是一个小时。',
      '这些都不需要专门的房间，我只用了厨房的一个角落。',
      '朋友们问起细节，所以我把它们写在这里，连同我犯过的错误。',
    ],
    headings: ['我最初的准备', '最初的错误', '更好的流程', '我会改变什么', '花费与时间'],
    steps: ['清理台面并准备好工具。', '量两遍并把数字记下来。', '等满一天再判断结果。', '每次只改变一件事。'],
    captions: ['第一天的布置', '三周之后'],
  },
  ko: {
    topics: ['사워도우', '베란다 토마토', '자전거 브레이크', '가정용 백업', '허브차', '등산 지도', '오래된 라디오', '창가 화분'],
    sentences: [
      '{t}을 처음 시도하는 사람들은 대부분 일주일 안에 포기하는데, 그 이유는 예상과 다릅니다.',
      '저는 석 달 동안 공책을 쓰면서 {t} 과정에서 바꾼 작은 것들을 모두 적었습니다.',
      '가장 싼 도구도 쓸 때마다 깨끗이 닦기만 하면 충분히 좋았습니다.',
      '놀라웠던 것은 실내에서도 날씨가 결과를 많이 바꾼다는 점이었습니다.',
      '이십 년 동안 이 일을 해 온 이웃은 제 첫 시도를 보고 웃었습니다.',
      '이 글에서 한 가지만 기억한다면 장비보다 인내가 중요하다는 것입니다.',
      '두 번째 달은 훨씬 나았는데, 한 번에 세 가지를 바꾸지 않았기 때문입니다.',
      '인터넷에는 {t}에 대한 조언이 많지만 서로 모순되는 것도 많습니다.',
      '모든 것을 두 번씩 재었는데도 첫 토요일에는 실패했습니다.',
      '계절이 끝날 무렵에는 하루에 한 시간이 아니라 십 분이면 충분했습니다.',
      '특별한 방은 필요 없고 부엌 한쪽 구석이면 됩니다.',
      '친구들이 자세한 내용을 물어서 실수까지 포함해 여기에 정리합니다.',
    ],
    headings: ['처음 준비한 것', '처음의 실수', '더 나은 방법', '다시 한다면', '비용과 시간'],
    steps: [
      '작업대를 닦고 도구를 준비합니다.',
      '두 번 재고 숫자를 적어 둡니다.',
      '결과를 판단하기 전에 하루를 기다립니다.',
      '한 번에 하나만 바꿉니다.',
    ],
    captions: ['첫날의 모습', '삼 주 뒤'],
  },
  it: {
    topics: [
      'lievito madre',
      'pomodori sul balcone',
      'freni della bici',
      'backup di casa',
      'tisane',
      'mappe dei sentieri',
      'vecchie radio',
      'fioriere',
    ],
    sentences: [
      'Chi prova {t} per la prima volta di solito si arrende dopo una settimana, e il motivo è raramente quello che si aspetta.',
      'Per tre mesi ho tenuto un quaderno e ho annotato ogni piccolo cambiamento nel mio modo di gestire {t}.',
      'Gli attrezzi più economici si sono rivelati sufficienti, purché puliti dopo ogni uso.',
      'Mi ha sorpreso quanto il tempo cambiasse il risultato, anche in casa.',
      'Una vicina che lo fa da vent’anni si è messa a ridere quando le ho mostrato il mio primo tentativo.',
      'Se ricordate una sola cosa di questo articolo, che sia questa: la pazienza conta più dell’attrezzatura.',
      'Il secondo mese è andato meglio, soprattutto perché ho smesso di cambiare tre cose alla volta.',
      'In rete si trovano molti consigli su {t}, e tanti si contraddicono.',
      'Ho misurato tutto due volte e il primo sabato ho sbagliato lo stesso.',
      'A fine stagione bastavano dieci minuti al giorno invece di un’ora.',
      'Non serve una stanza apposta: mi è bastato un angolo della cucina.',
      'Gli amici mi hanno chiesto i dettagli, eccoli qui, errori compresi.',
    ],
    headings: ['Da dove sono partito', 'I primi errori', 'Una routine migliore', 'Cosa cambierei', 'Costi e tempi'],
    steps: [
      'Pulite il piano di lavoro e preparate gli attrezzi.',
      'Misurate due volte e annotate i numeri.',
      'Aspettate un giorno intero prima di giudicare.',
      'Cambiate una cosa alla volta.',
    ],
    captions: ['La postazione il primo giorno', 'Dopo tre settimane'],
  },
  fr: {
    topics: [
      'levain',
      'tomates de balcon',
      'freins de vélo',
      'sauvegardes maison',
      'tisanes',
      'cartes de randonnée',
      'vieilles radios',
      'jardinières',
    ],
    sentences: [
      'La plupart des gens qui essaient {t} pour la première fois abandonnent au bout d’une semaine, et rarement pour la raison qu’ils imaginent.',
      'Pendant trois mois, j’ai tenu un carnet où je notais chaque petit changement apporté à {t}.',
      'Les outils les moins chers se sont révélés suffisants, à condition de les nettoyer après chaque usage.',
      'Ce qui m’a surpris, c’est à quel point la météo changeait le résultat, même à l’intérieur.',
      'Une voisine qui fait cela depuis vingt ans a ri en voyant mon premier essai.',
      'Si vous ne retenez qu’une chose de cet article, retenez que la patience compte plus que le matériel.',
      'Le deuxième mois s’est mieux passé, surtout parce que j’ai arrêté de changer trois choses à la fois.',
      'On trouve beaucoup de conseils sur {t} en ligne, et beaucoup se contredisent.',
      'J’ai tout mesuré deux fois et je me suis quand même trompé le premier samedi.',
      'À la fin de la saison, la routine prenait dix minutes par jour au lieu d’une heure.',
      'Rien de tout cela ne demande une pièce spéciale : un coin de la cuisine m’a suffi.',
      'Des amis m’ont demandé les détails, les voici, erreurs comprises.',
    ],
    headings: ['Mon point de départ', 'Les premières erreurs', 'Une meilleure routine', 'Ce que je changerais', 'Coûts et temps'],
    steps: [
      'Nettoyez le plan de travail et préparez les outils.',
      'Mesurez deux fois et notez les chiffres.',
      'Attendez une journée entière avant de juger.',
      'Changez une seule chose à la fois.',
    ],
    captions: ['L’installation le premier jour', 'Trois semaines plus tard'],
  },
  es: {
    topics: [
      'masa madre',
      'tomates en el balcón',
      'frenos de bicicleta',
      'copias de seguridad',
      'infusiones',
      'mapas de senderos',
      'radios antiguas',
      'jardineras',
    ],
    sentences: [
      'Casi todos los que prueban {t} por primera vez se rinden en una semana, y casi nunca por el motivo que esperan.',
      'Durante tres meses llevé un cuaderno y apunté cada pequeño cambio que hice con {t}.',
      'Las herramientas más baratas resultaron suficientes, siempre que se limpiaran después de cada uso.',
      'Me sorprendió cuánto cambiaba el resultado con el tiempo que hacía, incluso dentro de casa.',
      'Una vecina que lleva veinte años haciéndolo se rio al ver mi primer intento.',
      'Si solo recuerdas una cosa de este artículo, que sea que la paciencia vale más que el equipo.',
      'El segundo mes fue mejor, sobre todo porque dejé de cambiar tres cosas a la vez.',
      'En internet hay muchos consejos sobre {t}, y muchos se contradicen.',
      'Lo medí todo dos veces y aun así me equivoqué el primer sábado.',
      'Al final de la temporada la rutina llevaba diez minutos al día en lugar de una hora.',
      'Nada de esto necesita una habitación especial: me bastó un rincón de la cocina.',
      'Unos amigos me pidieron los detalles, así que aquí están, errores incluidos.',
    ],
    headings: ['Con qué empecé', 'Los primeros errores', 'Una rutina mejor', 'Qué cambiaría', 'Costes y tiempo'],
    steps: [
      'Limpia la superficie y reúne las herramientas.',
      'Mide dos veces y apunta los números.',
      'Espera un día entero antes de juzgar.',
      'Cambia una sola cosa cada vez.',
    ],
    captions: ['El montaje el primer día', 'Tres semanas después'],
  },
  de: {
    topics: [
      'Sauerteig',
      'Balkontomaten',
      'Fahrradbremsen',
      'Backups zu Hause',
      'Kräutertee',
      'Wanderkarten',
      'alte Radios',
      'Blumenkästen',
    ],
    sentences: [
      'Die meisten, die {t} zum ersten Mal versuchen, geben nach einer Woche auf, und selten aus dem Grund, den sie erwarten.',
      'Drei Monate lang habe ich ein Notizbuch geführt und jede kleine Änderung rund um {t} aufgeschrieben.',
      'Die billigsten Werkzeuge haben gereicht, solange man sie nach jedem Gebrauch gereinigt hat.',
      'Überrascht hat mich, wie sehr das Wetter das Ergebnis verändert hat, sogar drinnen.',
      'Eine Nachbarin, die das seit zwanzig Jahren macht, hat über meinen ersten Versuch gelacht.',
      'Wenn Sie sich nur eine Sache aus diesem Beitrag merken, dann diese: Geduld schlägt Ausrüstung.',
      'Der zweite Monat lief besser, vor allem weil ich nicht mehr drei Dinge gleichzeitig geändert habe.',
      'Im Netz gibt es viele Ratschläge zu {t}, und viele widersprechen sich.',
      'Ich habe alles zweimal gemessen und trotzdem am ersten Samstag danebengelegen.',
      'Am Ende der Saison dauerte die Routine zehn Minuten am Tag statt einer Stunde.',
      'Dafür braucht man keinen eigenen Raum, mir hat eine Ecke der Küche gereicht.',
      'Freunde wollten die Einzelheiten wissen, hier sind sie, Fehler inklusive.',
    ],
    headings: ['Womit ich angefangen habe', 'Die ersten Fehler', 'Eine bessere Routine', 'Was ich ändern würde', 'Kosten und Zeit'],
    steps: [
      'Reinigen Sie die Arbeitsfläche und legen Sie das Werkzeug bereit.',
      'Zweimal messen und die Zahlen notieren.',
      'Einen ganzen Tag warten, bevor Sie urteilen.',
      'Immer nur eine Sache ändern.',
    ],
    captions: ['Der Aufbau am ersten Tag', 'Nach drei Wochen'],
  },
}

/**
 * Sentences about the very things chrome is made of, for clean articles
 * (precision: a post about share buttons or cookies keeps its words).
 *
 * @type {Record<Lang, string[]>}
 */
const LOOKALIKE = {
  en: [
    'Share this: the one button I kept after removing every other widget from my blog, because readers actually used it.',
    'Cookies are small files a site stores in your browser, and the banner asking about them is required in many countries.',
    'I closed the comment form last year; people now write to me by email, and the conversations are better.',
  ],
  zh: [
    '分享按钮我只保留了一个，因为读者真的会用它，其余的小部件都删掉了。',
    'Cookie 是网站存放在浏览器里的小文件，很多国家要求网站先征得同意。',
    '去年我关闭了评论表单，现在读者用邮件联系我，交流反而更好。',
  ],
  ko: [
    '공유 버튼은 독자들이 실제로 쓰는 하나만 남기고 나머지 위젯은 모두 지웠습니다.',
    '쿠키는 사이트가 브라우저에 저장하는 작은 파일이며 많은 나라에서 동의를 받아야 합니다.',
    '작년에 댓글 양식을 닫았더니 이제 독자들이 이메일로 연락하고 대화는 더 좋아졌습니다.',
  ],
  it: [
    'Condividi: è l’unico pulsante che ho tenuto dopo aver tolto ogni altro widget dal blog, perché i lettori lo usano davvero.',
    'I cookie sono piccoli file che un sito salva nel browser, e in molti paesi serve il consenso.',
    'L’anno scorso ho chiuso il modulo dei commenti; ora i lettori mi scrivono per email.',
  ],
  fr: [
    'Partager : c’est le seul bouton que j’ai gardé après avoir retiré tous les autres widgets, car les lecteurs s’en servent.',
    'Les cookies sont de petits fichiers qu’un site enregistre dans le navigateur, et beaucoup de pays exigent un consentement.',
    'J’ai fermé le formulaire de commentaires l’an dernier ; les lecteurs m’écrivent maintenant par courriel.',
  ],
  es: [
    'Compartir: es el único botón que dejé después de quitar todos los demás widgets, porque los lectores lo usan de verdad.',
    'Las cookies son pequeños archivos que un sitio guarda en el navegador, y muchos países exigen consentimiento.',
    'El año pasado cerré el formulario de comentarios; ahora los lectores me escriben por correo.',
  ],
  de: [
    'Teilen: Das ist der einzige Knopf, den ich behalten habe, nachdem ich alle anderen Widgets entfernt hatte, weil Leser ihn wirklich nutzen.',
    'Cookies sind kleine Dateien, die eine Website im Browser speichert, und viele Länder verlangen eine Einwilligung.',
    'Letztes Jahr habe ich das Kommentarformular geschlossen; Leser schreiben mir jetzt per E-Mail.',
  ],
}

// ---------------------------------------------------------------------------
// Chrome vocabulary, by language (what sites in that language print)

/**
 * @typedef {object} ChromeWords
 * @property {string[]} menu
 * @property {[string, string]} auth
 * @property {string} home
 * @property {string} section
 * @property {(date: string, name: string) => string} ticker
 * @property {(name: string, date: string, views: number, comments: number, minutes: number) => string} byline
 * @property {string} shareLabel
 * @property {string} tagsLabel
 * @property {string} related
 * @property {string} trending
 * @property {string[]} commentForm
 * @property {string} aboutAuthor
 * @property {(name: string, topic: string) => string} authorBio
 * @property {string} allPosts
 * @property {[string, string]} prevNext
 * @property {[string, string[]][]} footerColumns
 * @property {string} copyright
 * @property {string} promo
 * @property {string} toc
 * @property {string} advert
 * @property {string} repost
 */
/** @type {Record<Lang, ChromeWords>} */
const CHROME = {
  en: {
    menu: ['Home', 'News', 'Reviews', 'Guides', 'Podcasts', 'About', 'Contact'],
    auth: ['Sign in', 'Sign up'],
    home: 'Home',
    section: 'Guides',
    ticker: (date, name) => `${date} | Editor on duty: ${name}`,
    byline: (name, date, views, comments, minutes) => `By ${name} · ${date} · ${views} views · ${comments} comments · ${minutes} min read`,
    shareLabel: 'Share this:',
    tagsLabel: 'Tags:',
    related: 'Related posts',
    trending: 'Trending now',
    commentForm: [
      'Leave a Reply',
      'Your email address will not be published. Required fields are marked *',
      'Comment *',
      'Name *',
      'Email *',
      'Save my name, email, and website in this browser for the next time I comment.',
      'Post Comment',
    ],
    aboutAuthor: 'About the author',
    authorBio: (name, topic) => `${name} writes about ${topic} and other weekend projects for this site.`,
    allPosts: 'View all posts by',
    prevNext: ['« Previous post', 'Next post »'],
    footerColumns: [
      ['Company', ['About us', 'Careers', 'Advertise', 'Contact']],
      ['Resources', ['Newsletter', 'Podcast', 'Events', 'RSS']],
    ],
    copyright: 'All rights reserved.',
    promo: 'Online course: learn the basics in 30 days — enrol today and get the first week free.',
    toc: 'Table of Contents',
    advert: '- Advertisement -',
    repost: 'This article was originally published on',
  },
  zh: {
    menu: ['首页', '新闻', '评测', '教程', '播客', '关于我们', '联系我们'],
    auth: ['登录', '注册'],
    home: '首页',
    section: '教程',
    ticker: (date, name) => `${date} 今日值班编辑：${name}`,
    byline: (name, date, views, comments) => `作者：${name} · ${date} · 阅读 ${views} · 评论 ${comments}`,
    shareLabel: '分享到：',
    tagsLabel: '标签：',
    related: '相关文章',
    trending: '热门文章',
    commentForm: ['发表评论', '您的电子邮箱地址不会被公开。 必填项已用*标注', '评论 *', '显示名称 *', '电子邮箱地址 *', '发表评论'],
    aboutAuthor: '关于作者',
    authorBio: (name, topic) => `${name}，长期为本站撰写关于${topic}和周末手工的文章。`,
    allPosts: '查看作者的所有文章',
    prevNext: ['上一篇', '下一篇'],
    footerColumns: [
      ['关于', ['关于我们', '加入我们', '广告合作', '联系我们']],
      ['资源', ['订阅', '播客', '活动', 'RSS']],
    ],
    copyright: '版权所有',
    promo: '在线课程：三十天掌握基础，立即报名，第一周免费。',
    toc: '目录',
    advert: '广告',
    repost: '本文转载自',
  },
  ko: {
    menu: ['홈', '뉴스', '리뷰', '가이드', '팟캐스트', '소개', '문의'],
    auth: ['로그인', '회원가입'],
    home: '홈',
    section: '가이드',
    ticker: (date, name) => `${date} 오늘의 당번 기자: ${name}`,
    byline: (name, date, views, comments) => `${name} · ${date} · 조회수 ${views} · 댓글 ${comments}`,
    shareLabel: '공유하기',
    tagsLabel: '태그:',
    related: '관련 글',
    trending: '인기 글',
    commentForm: [
      '댓글 남기기',
      '이메일 주소는 공개되지 않습니다. 필수 필드는 *로 표시됩니다',
      '댓글 *',
      '이름 *',
      '이메일 *',
      '댓글 달기',
    ],
    aboutAuthor: '작성자 소개',
    authorBio: (name, topic) => `${name}은 이 사이트에 ${topic}과 주말 작업에 관한 글을 씁니다.`,
    allPosts: '이 작성자의 다른 글',
    prevNext: ['이전 글', '다음 글'],
    footerColumns: [
      ['회사', ['회사소개', '채용', '광고 문의', '문의']],
      ['자료', ['뉴스레터', '팟캐스트', '행사', 'RSS']],
    ],
    copyright: '무단 전재 및 재배포 금지',
    promo: '온라인 강좌: 30일 만에 기초를 배우세요. 지금 등록하면 첫 주는 무료입니다.',
    toc: '목차',
    advert: '광고',
    repost: '출처:',
  },
  it: {
    menu: ['Home', 'Notizie', 'Recensioni', 'Guide', 'Podcast', 'Chi siamo', 'Contatti'],
    auth: ['Accedi', 'Registrati'],
    home: 'Home',
    section: 'Guide',
    ticker: (date, name) => `${date} | Redattore di turno: ${name}`,
    byline: (name, date, views, comments) => `Di ${name} · ${date} · ${views} visualizzazioni · ${comments} commenti`,
    shareLabel: 'Condividi:',
    tagsLabel: 'Tag:',
    related: 'Articoli correlati',
    trending: 'Più letti',
    commentForm: [
      'Lascia un commento',
      'Il tuo indirizzo email non sarà pubblicato. I campi obbligatori sono contrassegnati *',
      'Commento *',
      'Nome *',
      'Email *',
      'Pubblica il commento',
    ],
    aboutAuthor: 'L’autore',
    authorBio: (name, topic) => `${name} scrive di ${topic} e di progetti del fine settimana per questo sito.`,
    allPosts: 'Visualizza tutti gli articoli di',
    prevNext: ['Articolo precedente', 'Articolo successivo'],
    footerColumns: [
      ['Azienda', ['Chi siamo', 'Lavora con noi', 'Pubblicità', 'Contatti']],
      ['Risorse', ['Newsletter', 'Podcast', 'Eventi', 'RSS']],
    ],
    copyright: 'Tutti i diritti riservati.',
    promo: 'Corso online: impara le basi in 30 giorni — iscriviti oggi, la prima settimana è gratuita.',
    toc: 'Indice',
    advert: 'Pubblicità',
    repost: 'Articolo originariamente pubblicato su',
  },
  fr: {
    menu: ['Accueil', 'Actualités', 'Tests', 'Guides', 'Podcasts', 'À propos', 'Contact'],
    auth: ['Se connecter', "S'inscrire"],
    home: 'Accueil',
    section: 'Guides',
    ticker: (date, name) => `${date} | Rédacteur de permanence : ${name}`,
    byline: (name, date, views, comments) => `Par ${name} · ${date} · ${views} vues · ${comments} commentaires`,
    shareLabel: 'Partager :',
    tagsLabel: 'Étiquettes :',
    related: 'Articles similaires',
    trending: 'Les plus lus',
    commentForm: [
      'Laisser un commentaire',
      'Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *',
      'Commentaire *',
      'Nom *',
      'E-mail *',
      'Laisser un commentaire',
    ],
    aboutAuthor: 'À propos de l’auteur',
    authorBio: (name, topic) => `${name} écrit sur ${topic} et les projets du week-end pour ce site.`,
    allPosts: 'Voir tous les articles de',
    prevNext: ['Article précédent', 'Article suivant'],
    footerColumns: [
      ['Société', ['Qui sommes-nous', 'Recrutement', 'Publicité', 'Contact']],
      ['Ressources', ['Lettre d’information', 'Podcast', 'Événements', 'RSS']],
    ],
    copyright: 'Tous droits réservés.',
    promo: 'Formation en ligne : les bases en 30 jours — inscrivez-vous, la première semaine est offerte.',
    toc: 'Sommaire',
    advert: 'Publicité',
    repost: 'Cet article a été initialement publié sur',
  },
  es: {
    menu: ['Inicio', 'Noticias', 'Análisis', 'Guías', 'Podcasts', 'Nosotros', 'Contacto'],
    auth: ['Iniciar sesión', 'Registrarse'],
    home: 'Inicio',
    section: 'Guías',
    ticker: (date, name) => `${date} | Editor de guardia: ${name}`,
    byline: (name, date, views, comments) => `Por ${name} · ${date} · ${views} visitas · ${comments} comentarios`,
    shareLabel: 'Compartir esto:',
    tagsLabel: 'Etiquetas:',
    related: 'Artículos relacionados',
    trending: 'Lo más leído',
    commentForm: [
      'Deja una respuesta',
      'Tu dirección de correo electrónico no será publicada. Los campos obligatorios están marcados con *',
      'Comentario *',
      'Nombre *',
      'Correo electrónico *',
      'Publicar comentario',
    ],
    aboutAuthor: 'Sobre el autor',
    authorBio: (name, topic) => `${name} escribe sobre ${topic} y proyectos de fin de semana para este sitio.`,
    allPosts: 'Ver todas las entradas de',
    prevNext: ['Entrada anterior', 'Entrada siguiente'],
    footerColumns: [
      ['Empresa', ['Quiénes somos', 'Empleo', 'Publicidad', 'Contacto']],
      ['Recursos', ['Boletín', 'Podcast', 'Eventos', 'RSS']],
    ],
    copyright: 'Todos los derechos reservados.',
    promo: 'Curso en línea: aprende lo básico en 30 días; inscríbete hoy y la primera semana es gratis.',
    toc: 'Tabla de contenidos',
    advert: 'Publicidad',
    repost: 'Publicado originalmente en',
  },
  de: {
    menu: ['Startseite', 'Nachrichten', 'Tests', 'Ratgeber', 'Podcasts', 'Über uns', 'Kontakt'],
    auth: ['Anmelden', 'Registrieren'],
    home: 'Startseite',
    section: 'Ratgeber',
    ticker: (date, name) => `${date} | Diensthabende Redaktion: ${name}`,
    byline: (name, date, views, comments) => `Von ${name} · ${date} · ${views} Aufrufe · ${comments} Kommentare`,
    shareLabel: 'Teilen mit:',
    tagsLabel: 'Schlagwörter:',
    related: 'Ähnliche Beiträge',
    trending: 'Meistgelesen',
    commentForm: [
      'Schreibe einen Kommentar',
      'Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert',
      'Kommentar *',
      'Name *',
      'E-Mail *',
      'Kommentar abschicken',
    ],
    aboutAuthor: 'Über den Autor',
    authorBio: (name, topic) => `${name} schreibt für diese Seite über ${topic} und Projekte fürs Wochenende.`,
    allPosts: 'Alle Beiträge von',
    prevNext: ['Vorheriger Beitrag', 'Nächster Beitrag'],
    footerColumns: [
      ['Unternehmen', ['Über uns', 'Karriere', 'Werbung', 'Kontakt']],
      ['Service', ['Newsletter', 'Podcast', 'Termine', 'RSS']],
    ],
    copyright: 'Alle Rechte vorbehalten.',
    promo: 'Online-Kurs: die Grundlagen in 30 Tagen – jetzt anmelden, die erste Woche ist kostenlos.',
    toc: 'Inhaltsverzeichnis',
    advert: 'Anzeige',
    repost: 'Dieser Artikel erschien zuerst auf',
  },
}

const NAMES = ['Anna Berg', 'Luca Neri', 'Marie Dubois', 'Jonas Weber', 'Sofia Ruiz', 'Min Park', 'Li Wei', 'Tom Hale']
const LEGAL = {
  en: ['Privacy Policy', 'Terms of Use', 'Cookie Policy'],
  zh: ['隐私政策', '使用条款', 'Cookie 政策'],
  ko: ['개인정보처리방침', '이용약관', '쿠키 정책'],
  it: ['Informativa sulla privacy', 'Termini di utilizzo', 'Cookie policy'],
  fr: ['Politique de confidentialité', 'Mentions légales', 'Cookies'],
  es: ['Política de privacidad', 'Aviso legal', 'Política de cookies'],
  de: ['Datenschutz', 'Impressum', 'AGB'],
}

// ---------------------------------------------------------------------------
// Building a page with gold labels

/** A page under construction: blocks joined by blank lines, each with its label. */
class PageBuilder {
  constructor() {
    /** @type {string} */
    this.text = ''
    /** @type {Segment[]} */
    this.segments = []
  }

  /**
   * Append one block (no trailing newline needed).
   *
   * @param {string} block
   * @param {string} kind `content:x`, `junk:x` or `frontmatter`
   */
  add(block, kind) {
    if (this.text && !this.text.endsWith('\n\n')) this.text += this.text.endsWith('\n') ? '\n' : '\n\n'
    const start = this.text.length
    this.text += block
    this.segments.push({start, end: this.text.length, kind, junk: kind.startsWith('junk:')})
  }

  /** @returns {{text: string, segments: Segment[]}} */
  done() {
    return {text: `${this.text}\n`, segments: this.segments}
  }
}

/**
 * `count` distinct items (fewer when there are not enough), in random order.
 *
 * @template T
 * @param {import('./random.js').Random} random
 * @param {readonly T[]} items
 * @param {number} count
 * @returns {T[]}
 */
function distinct(random, items, count) {
  const pool = [...items]
  /** @type {T[]} */
  const out = []
  while (out.length < count && pool.length > 0) out.push(.../** @type {T[]} */ (pool.splice(random.int(0, pool.length - 1), 1)))
  return out
}

/** @param {string} text */
function slugOf(text) {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '') || 'post'
  )
}

/**
 * @param {import('./random.js').Random} random
 * @param {Lang} lang
 * @param {string} topic
 * @param {number} count
 * @param {Set<string>} [used] Paragraphs the page has already.
 */
function paragraph(random, lang, topic, count, used = new Set()) {
  const bank = BANK[lang].sentences
  const step = random.pick([1, 5, 7])
  let start = random.int(0, bank.length - 1)
  for (let tries = 0; ; tries++) {
    const sentences = Array.from({length: count}, (_, index) => (bank[(start + index * step) % bank.length] ?? '').replaceAll('{t}', topic))
    const text = sentences.join(lang === 'zh' ? '' : ' ')
    // A page never repeats a paragraph (that would be duplicate-paragraph's junk, not content).
    if (!used.has(text) || tries >= bank.length) {
      used.add(text)
      return text
    }
    start = (start + 1) % bank.length
  }
}

/**
 * The article body: lead, sections with headings, steps, maybe code, image, table.
 *
 * @param {PageBuilder} page
 * @param {import('./random.js').Random} random
 * @param {Lang} lang
 * @param {string} topic
 * @param {string} host
 * @param {{between?: () => void, headings?: string[]}} [hooks] `between`: called between sections (ads go there).
 */
function writeBody(page, random, lang, topic, host, hooks = {}) {
  const bank = BANK[lang]
  /** @type {Set<string>} */
  const used = new Set()
  page.add(paragraph(random, lang, topic, 3, used), 'content:lead')
  const headings = hooks.headings ?? distinct(random, bank.headings, 3)
  for (const [index, heading] of headings.entries()) {
    if (index > 0) hooks.between?.()
    page.add(`## ${heading}`, 'content:heading')
    page.add(paragraph(random, lang, topic, random.int(2, 4), used), 'content:paragraph')
    if (index === 1) page.add(bank.steps.map((step, at) => `${at + 1}. ${step}`).join('\n'), 'content:list')
    if (index === 0 && random.chance(0.5)) {
      page.add(`![${bank.captions[0]}](https://${host}/images/${slugOf(topic)}-${random.digits(4)}.jpg)`, 'content:image')
    }
    if (index === 2 && random.chance(0.3)) page.add('```sh\ntar -czf backup.tgz ~/notes\nls -l backup.tgz\n```', 'content:code')
    if (index === 2 && random.chance(0.3))
      page.add(`| ${bank.headings[4]} | 1 | 2 |\n| --- | --- | --- |\n| ${topic} | 10 | 25 |`, 'content:table')
    if (random.chance(0.5)) page.add(paragraph(random, lang, topic, 2, used), 'content:paragraph')
  }
  return headings
}

/**
 * @param {Lang} lang
 * @param {import('./random.js').Random} random
 */
function dateOf(lang, random) {
  const month = random.int(1, 12)
  const day = random.int(1, 28)
  return lang === 'zh' ? `2024年${month}月${day}日` : `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/**
 * The template of one site: which chrome it prints, in which shape.
 *
 * @typedef {object} Template
 * @property {'list' | 'line'} menuShape
 * @property {string[]} menu
 * @property {boolean} auth
 * @property {boolean} ticker
 * @property {boolean} breadcrumb
 * @property {boolean} byline
 * @property {'links' | 'jetpack' | 'none'} share
 * @property {boolean} tags
 * @property {boolean} related
 * @property {boolean} trending
 * @property {boolean} comments
 * @property {boolean} author
 * @property {boolean} prevNext
 * @property {boolean} footer
 * @property {boolean} promo
 * @property {boolean} toc
 * @property {boolean} ads
 * @property {boolean} repost
 */

/**
 * @param {import('./random.js').Random} random
 * @param {Lang} lang
 * @param {'whole-page' | 'blog'} kind
 * @returns {Template}
 */
function templateOf(random, lang, kind) {
  const words = CHROME[lang]
  const whole = kind === 'whole-page'
  return {
    menuShape: random.chance(0.5) ? 'list' : 'line',
    menu: words.menu.slice(0, random.int(5, words.menu.length)),
    auth: whole || random.chance(0.3),
    ticker: whole && random.chance(0.6),
    breadcrumb: whole || random.chance(0.5),
    byline: true,
    share: whole ? 'links' : 'jetpack',
    tags: random.chance(0.7),
    related: true,
    trending: whole,
    comments: random.chance(0.8),
    author: random.chance(0.6),
    prevNext: !whole || random.chance(0.5),
    footer: whole || random.chance(0.5),
    promo: whole && random.chance(0.5),
    toc: !whole && random.chance(0.6),
    ads: random.chance(0.5),
    repost: !whole && random.chance(0.4),
  }
}

/**
 * One page of a whole-page or blog site.
 *
 * @param {import('./random.js').Random} random
 * @param {{lang: Lang, host: string, template: Template, siteName: string, titles: string[], index: number}} site
 */
function templatedPage(random, site) {
  const {lang, host, template} = site
  const words = CHROME[lang]
  const bank = BANK[lang]
  const topic = bank.topics[site.index % bank.topics.length] ?? ''
  const title = site.titles[site.index] ?? ''
  const slug = `${slugOf(title)}-${site.index + 1}`
  const url = `https://${host}/${slugOf(words.section)}/${slug}/`
  const page = new PageBuilder()
  const author = random.pick(NAMES)
  const date = dateOf(lang, random)
  page.add(`---\ntitle: "${title}"\nurl: ${url}\n---`, 'frontmatter')
  const menuLinks = template.menu.map((item) => `[${item}](https://${host}/${slugOf(item)}/)`)
  page.add(template.menuShape === 'list' ? menuLinks.map((link) => `- ${link}`).join('\n') : menuLinks.join(' | '), 'junk:menu')
  if (template.auth) page.add(`[${words.auth[0]}](https://${host}/login/) [${words.auth[1]}](https://${host}/register/)`, 'junk:auth')
  if (template.ticker) page.add(words.ticker(date, random.pick(NAMES)), 'junk:ticker')
  if (template.breadcrumb)
    page.add(
      `[${words.home}](https://${host}/) > [${words.section}](https://${host}/${slugOf(words.section)}/) > ${title}`,
      'junk:breadcrumb',
    )
  if (template.repost && random.chance(0.5)) page.add(`${words.repost} [${site.siteName}](https://origin.${host}/${slug}/)`, 'junk:repost')
  page.add(`# ${title}`, 'content:title')
  if (template.byline) page.add(words.byline(author, date, random.int(100, 9000), random.int(0, 40), random.int(2, 12)), 'junk:counter')
  if (template.share === 'links') page.add(shareRow(random, url), 'junk:share')
  const headings = distinct(random, bank.headings, 3)
  if (template.toc) {
    const items = headings.map((heading) => `- [${heading}](#${slugOf(heading)})`).join('\n')
    page.add(`${words.toc} [hide]`, 'junk:toc-plugin')
    page.add(items, 'junk:toc-plugin')
  }
  const ad = () => {
    if (!template.ads || !random.chance(0.6)) return
    page.add(random.pick(['<!-- ad label -->', '<div class="content-ad"></div>', words.advert]), 'junk:ad-label')
  }
  writeBody(page, random, lang, topic, host, {between: ad, headings})
  if (template.share === 'jetpack') page.add(jetpackShare(random, url, words, lang), 'junk:share')
  if (template.repost && random.chance(0.5)) page.add(`${words.repost} [${site.siteName}](https://origin.${host}/${slug}/)`, 'junk:repost')
  if (template.tags) {
    const tags = distinct(random, bank.topics, 3).map((tag) => `[${tag}](https://${host}/tag/${slugOf(tag)}/)`)
    page.add(`${words.tagsLabel} ${tags.join(', ')}`, 'junk:tags')
  }
  if (template.prevNext) {
    const previous = site.titles[(site.index + site.titles.length - 1) % site.titles.length] ?? ''
    const next = site.titles[(site.index + 1) % site.titles.length] ?? ''
    page.add(`[${words.prevNext[0]}: ${previous}](https://${host}/p/${slugOf(previous)}/)`, 'junk:prev-next')
    page.add(`[${words.prevNext[1]}: ${next}](https://${host}/p/${slugOf(next)}/)`, 'junk:prev-next')
  }
  if (template.author) {
    page.add(`**${words.aboutAuthor}**`, 'junk:author-box')
    page.add(words.authorBio(author, topic), 'junk:author-box')
    page.add(`[${words.allPosts} ${author}](https://${host}/author/${slugOf(author)}/)`, 'junk:author-box')
  }
  if (template.related) {
    page.add(`### ${words.related}`, 'junk:related')
    const others = site.titles.filter((_, at) => at !== site.index)
    page.add(
      distinct(random, others, 4)
        .map((other) => `- [${other}](https://${host}/p/${slugOf(other)}/)`)
        .join('\n'),
      'junk:related',
    )
  }
  if (template.promo) page.add(`**${words.promo}** [→](https://academy.${host}/course/)`, 'junk:promo')
  if (template.comments) {
    const [label, ...lines] = words.commentForm
    page.add(`### ${label}`, 'junk:comment-form')
    for (const line of lines) page.add(line, 'junk:comment-form')
  }
  if (template.trending) {
    page.add(`### ${words.trending}`, 'junk:related')
    const others = site.titles.filter((_, at) => at !== site.index)
    page.add(
      distinct(random, others, 5)
        .map((other, at) => `${at + 1}. [${other}](https://${host}/p/${slugOf(other)}/)`)
        .join('\n'),
      'junk:related',
    )
  }
  if (template.footer) {
    for (const [heading, links] of CHROME[lang].footerColumns) {
      page.add(`#### ${heading}`, 'junk:footer')
      page.add(links.map((link) => `- [${link}](https://${host}/${slugOf(link)}/)`).join('\n'), 'junk:footer')
    }
    page.add(LEGAL[lang].map((link) => `[${link}](https://${host}/${slugOf(link)}/)`).join(' | '), 'junk:footer')
    page.add(`© 2024 ${site.siteName}. ${words.copyright}`, 'junk:footer')
  }
  return {path: `${slug}.md`, url, title, ...page.done()}
}

/**
 * @param {import('./random.js').Random} random
 * @param {string} url
 */
function shareRow(random, url) {
  const encoded = encodeURIComponent(url)
  const links = [
    `[Facebook](https://www.facebook.com/sharer/sharer.php?u=${encoded})`,
    `[X](https://twitter.com/intent/tweet?url=${encoded})`,
    `[LinkedIn](https://www.linkedin.com/shareArticle?mini=true&url=${encoded})`,
    `[WhatsApp](https://api.whatsapp.com/send?text=${encoded})`,
    `[Telegram](https://t.me/share/url?url=${encoded})`,
  ]
  return links.slice(0, random.int(3, links.length)).join(' ')
}

/**
 * Jetpack's sharedaddy block as scrapers keep it (markup) or flatten it (label + links), and its "Like this:" line.
 *
 * @param {import('./random.js').Random} random
 * @param {string} url
 * @param {ChromeWords} words
 * @param {Lang} lang
 */
function jetpackShare(random, url, words, lang) {
  const networks = ['twitter', 'facebook', 'linkedin', 'reddit', 'email']
  if (random.chance(0.5)) {
    const items = networks.map(
      (network) =>
        `<li class="share-${network}"><a class="share-${network} sd-button" href="${url}?share=${network}&amp;nb=1" target="_blank"><span>${network}</span></a></li>`,
    )
    return `<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">${words.shareLabel}</h3><div class="sd-content"><ul>${items.join('')}</ul></div></div></div>`
  }
  const like = {
    en: 'Like this:',
    zh: '喜欢这篇：',
    ko: '좋아요:',
    it: 'Mi piace:',
    fr: 'J’aime ça :',
    es: 'Me gusta esto:',
    de: 'Gefällt mir:',
  }[lang]
  const links = networks.map((network) => `- [${network}](${url}?share=${network}&nb=1)`).join('\n')
  return `${words.shareLabel}\n\n${links}\n\n${like}\n\nLoading…`
}

/**
 * A WeChat article export (zh): account header, tags, reward, QR prompts.
 *
 * @param {import('./random.js').Random} random
 * @param {{host: string, account: string, titles: string[], index: number}} site
 */
function wechatPage(random, site) {
  const lang = 'zh'
  const topic = BANK.zh.topics[site.index % BANK.zh.topics.length] ?? ''
  const title = site.titles[site.index] ?? ''
  const url = `https://mp.weixin.qq.com/s/${random.hex(22)}`
  const page = new PageBuilder()
  page.add(`---\ntitle: "${title}"\nurl: ${url}\n---`, 'frontmatter')
  page.add(`# ${title}`, 'content:title')
  page.add(
    `原创 ${random.pick(NAMES)} [${site.account}](javascript:void\\(0\\);) ${dateOf(lang, random)} 08:${random.int(10, 59)}`,
    'junk:platform',
  )
  page.add(`收录于合集 #${topic} ${random.int(3, 40)}个`, 'junk:platform')
  writeBody(page, random, lang, topic, site.host)
  page.add('预览时标签不可点', 'junk:platform')
  page.add(`![](https://mmbiz.qpic.cn/mmbiz_jpg/${random.hex(16)}/640?wx_fmt=jpeg&qrcode=1)`, 'junk:platform')
  page.add('微信扫一扫\n关注该公众号', 'junk:platform')
  page.add('喜欢作者', 'junk:platform')
  page.add('阅读原文', 'junk:platform')
  page.add('微信扫一扫\n使用小程序', 'junk:platform')
  page.add('在看 点赞 分享', 'junk:platform')
  return {path: `${site.index + 1}-${slugOf(title)}.md`, url, title, ...page.done()}
}

/**
 * A Medium page saved whole (en).
 *
 * @param {import('./random.js').Random} random
 * @param {{host: string, titles: string[], index: number}} site
 */
function mediumPage(random, site) {
  const lang = 'en'
  const topic = BANK.en.topics[site.index % BANK.en.topics.length] ?? ''
  const title = site.titles[site.index] ?? ''
  const author = NAMES[site.index % NAMES.length] ?? ''
  const url = `https://medium.com/@${slugOf(author)}/${slugOf(title)}-${random.hex(12)}`
  const page = new PageBuilder()
  page.add(`---\ntitle: "${title}"\nurl: ${url}\n---`, 'frontmatter')
  page.add('[Open in app](https://rsci.app.link/x)', 'junk:platform')
  page.add('[Sign up](https://medium.com/m/signin?operation=register) [Sign in](https://medium.com/m/signin)', 'junk:auth')
  page.add('Member-only story', 'junk:platform')
  page.add(`# ${title}`, 'content:title')
  page.add(`[${author}](https://medium.com/@${slugOf(author)})`, 'junk:platform')
  page.add('Follow', 'junk:platform')
  page.add(`${random.int(3, 12)} min read · ${dateOf(lang, random)}`, 'junk:counter')
  page.add('Listen\n\nShare', 'junk:platform')
  writeBody(page, random, lang, topic, 'miro.medium.com')
  page.add(`## Written by ${author}`, 'junk:platform')
  page.add(`${random.int(1, 9)}.${random.int(0, 9)}K Followers`, 'junk:platform')
  page.add('## Recommended from Medium', 'junk:platform')
  const others = site.titles.filter((_, at) => at !== site.index)
  page.add(
    distinct(random, others, 3)
      .map((other) => `- [${other}](https://medium.com/@x/${slugOf(other)})`)
      .join('\n'),
    'junk:related',
  )
  page.add(
    '[Help](https://help.medium.com) [Status](https://medium.statuspage.io) [About](https://medium.com/about) [Careers](https://medium.com/jobs) [Press](mailto:press@medium.com) [Blog](https://blog.medium.com) [Privacy](https://policy.medium.com/privacy) [Terms](https://policy.medium.com/terms)',
    'junk:footer',
  )
  return {path: `${slugOf(title)}.md`, url, title, ...page.done()}
}

/**
 * A Substack post saved whole (en).
 *
 * @param {import('./random.js').Random} random
 * @param {{host: string, siteName: string, titles: string[], index: number}} site
 */
function substackPage(random, site) {
  const lang = 'en'
  const topic = BANK.en.topics[site.index % BANK.en.topics.length] ?? ''
  const title = site.titles[site.index] ?? ''
  const slug = slugOf(title)
  const url = `https://${site.host}/p/${slug}`
  const page = new PageBuilder()
  page.add(`---\ntitle: "${title}"\nurl: ${url}\n---`, 'frontmatter')
  page.add(`[${site.siteName}](https://${site.host}/)`, 'junk:platform')
  page.add(`[Subscribe](https://${site.host}/subscribe) [Sign in](https://substack.com/sign-in)`, 'junk:auth')
  page.add(`# ${title}`, 'content:title')
  page.add(`${random.pick(NAMES)}\n${dateOf(lang, random)}`, 'junk:counter')
  page.add(`[Share](${url}?utm_source=substack&utm_medium=email&utm_content=share&action=share)`, 'junk:share')
  writeBody(page, random, lang, topic, 'substackcdn.com')
  page.add(`Thanks for reading ${site.siteName}! Subscribe for free to receive new posts and support my work.`, 'junk:platform')
  page.add('Type your email…', 'junk:platform')
  page.add(`[Subscribe](https://${site.host}/subscribe?utm_source=post)`, 'junk:platform')
  page.add(`[Leave a comment](${url}/comments)`, 'junk:comment-form')
  page.add('#### Discussion about this post', 'junk:platform')
  page.add('Ready for more?', 'junk:platform')
  return {path: `${slug}.md`, url, title, ...page.done()}
}

/**
 * A clean, hand-written post: no chrome; some mention widgets in prose and carry their own TOC.
 *
 * @param {import('./random.js').Random} random
 * @param {{lang: Lang, host: string, titles: string[], index: number}} site
 */
function cleanPage(random, site) {
  const {lang} = site
  const topic = BANK[lang].topics[site.index % BANK[lang].topics.length] ?? ''
  const title = site.titles[site.index] ?? ''
  const url = `https://${site.host}/posts/${slugOf(title)}/`
  const page = new PageBuilder()
  page.add(`---\ntitle: "${title}"\nurl: ${url}\n---`, 'frontmatter')
  page.add(`# ${title}`, 'content:title')
  const headings = distinct(random, BANK[lang].headings, 3)
  if (site.index % 2 === 0) page.add(headings.map((heading) => `- [${heading}](#${slugOf(heading)})`).join('\n'), 'content:toc')
  writeBody(page, random, lang, topic, site.host, {headings})
  if (site.index % 3 !== 2) page.add(LOOKALIKE[lang][site.index % 3] ?? '', 'content:lookalike')
  return {path: `${slugOf(title)}.md`, url, title, ...page.done()}
}

/**
 * A repost network's page: one tutorial under another title (the same steps
 * and sections recur with their neighbours on every page); only the intro differs.
 *
 * @param {import('./random.js').Random} random
 * @param {{lang: Lang, host: string, titles: string[], index: number, tutorial: string[]}} site
 */
function repostPage(random, site) {
  const {lang} = site
  const topic = BANK[lang].topics[0] ?? ''
  const title = site.titles[site.index] ?? ''
  const url = `https://${site.host}/${slugOf(title)}/`
  const page = new PageBuilder()
  page.add(`---\ntitle: "${title}"\nurl: ${url}\n---`, 'frontmatter')
  page.add(`# ${title}`, 'content:title')
  page.add(paragraph(random, lang, topic, 2), 'content:lead')
  for (const block of site.tutorial) page.add(block, 'content:tutorial')
  return {path: `${slugOf(title)}.md`, url, title, ...page.done()}
}

/**
 * @param {import('./random.js').Random} random
 * @param {Lang} lang
 */
function tutorialOf(random, lang) {
  const bank = BANK[lang]
  const topic = bank.topics[0] ?? ''
  /** @type {Set<string>} */
  const used = new Set()
  return [
    `## ${bank.headings[0]}`,
    paragraph(random, lang, topic, 3, used),
    bank.steps.map((step, at) => `${at + 1}. ${step}`).join('\n'),
    '```sh\nsudo apt-get install -y rsync\nrsync -a ~/notes /mnt/backup/\n```',
    `## ${bank.headings[2]}`,
    paragraph(random, lang, topic, 3, used),
  ]
}

/**
 * Titles for a site: one per page, distinct.
 *
 * @param {import('./random.js').Random} random
 * @param {Lang} lang
 * @param {number} count
 * @param {string} salt
 */
function titlesOf(random, lang, count, salt) {
  const bank = BANK[lang]
  return Array.from({length: count}, (_, index) => {
    const topic = bank.topics[index % bank.topics.length] ?? ''
    const heading = bank.headings[(index + random.int(0, 4)) % bank.headings.length] ?? ''
    return `${topic}: ${heading} (${salt} ${index + 1})`
  })
}

/**
 * A 32-bit seed from a string (FNV-1a).
 *
 * @param {string} text
 */
function seedOf(text) {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0
  return hash
}

/**
 * The whole evaluation set.
 *
 * @param {{seed?: number, pages?: number, langs?: readonly Lang[]}} [options] `pages`: pages per site (default 8, at least 6 so a site's template can be learned).
 * @returns {Site[]}
 */
export function generateSites(options = {}) {
  const {seed = 14, pages = 8, langs = LANGS} = options
  /** @type {Site[]} */
  const sites = []
  for (const lang of langs) {
    /** @type {Array<[SiteKind, string]>} */
    const kinds = [
      ['whole-page', `news.${lang}.example`],
      ['blog', `blog.${lang}.example`],
      ['clean', `notes.${lang}.example`],
      ['repost', `tips.${lang}.example`],
    ]
    if (lang === 'zh') kinds.push(['wechat', 'mp.weixin.qq.com'])
    if (lang === 'en') kinds.push(['medium', 'medium.com'], ['substack', 'field-notes.substack.com'])
    for (const [kind, host] of kinds) {
      // Each site has its own stream, so a subset of languages gives the same pages as the full set.
      const random = createRandom(seedOf(`${seed}:${lang}:${kind}`))
      const titles = titlesOf(random, lang, pages, kind === 'repost' ? '#' : (host.split('.')[0] ?? ''))
      const siteName = `${(host.split('.')[0] ?? '').replace(/^./, (first) => first.toUpperCase())} ${lang.toUpperCase()}`
      const template = kind === 'whole-page' || kind === 'blog' ? templateOf(random, lang, kind) : undefined
      const tutorial = kind === 'repost' ? tutorialOf(random, lang) : []
      /** @type {Page[]} */
      const built = []
      for (let index = 0; index < pages; index++) {
        const context = {lang, host, titles, index, siteName, account: `${siteName}周刊`, tutorial}
        if (template) built.push(templatedPage(random, {...context, template}))
        else if (kind === 'wechat') built.push(wechatPage(random, context))
        else if (kind === 'medium') built.push(mediumPage(random, context))
        else if (kind === 'substack') built.push(substackPage(random, context))
        else if (kind === 'clean') built.push(cleanPage(random, context))
        else built.push(repostPage(random, context))
      }
      sites.push({id: `${lang}-${kind}`, lang, kind, host, pages: built})
    }
  }
  return sites
}
