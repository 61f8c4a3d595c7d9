/**
 * Generated sites for the site-template tests: per language, articles made
 * of sentences written for this project (a small bank per language, never
 * text from the corpus), each wrapped in its site's template (a menu line,
 * a sign-in line, a share row, a footer). Deterministic: article `i` of a
 * site always has the same text. Also a repost network: one tutorial
 * published again under other titles, which must be kept.
 */

export interface SiteArticle {
  /** Path relative to the batch root. */
  path: string
  text: string
  /** The body sentences (must survive). */
  content: string[]
  /** The template blocks (must go). */
  template: string[]
}

interface Language {
  id: string
  host: string
  header: string[]
  footer: string[]
  titles: string[]
  sentences: string[]
}

const LANGUAGES: Language[] = [
  {
    id: 'en',
    host: 'harbour-news.example',
    header: [
      '[Home](https://harbour-news.example/) · [Town](https://harbour-news.example/town) · [Boats](https://harbour-news.example/boats) · [Weather](https://harbour-news.example/weather)',
      '[Sign in](https://harbour-news.example/login) | [Create account](https://harbour-news.example/join)',
    ],
    footer: [
      'Share: [Facebook](https://www.facebook.com/sharer/sharer.php?u=https://harbour-news.example/) [X](https://twitter.com/intent/tweet?url=https://harbour-news.example/)',
      '© 2024 Harbour News. [About us](https://harbour-news.example/about) · [Contact](https://harbour-news.example/contact) · [Privacy](https://harbour-news.example/privacy)',
    ],
    titles: [
      'Ferry timetable changes',
      'New moorings on the east quay',
      'Fish market opens earlier',
      'Lighthouse open for visitors',
      'Sailing school starts lessons',
      'Dredging ends in the channel',
      'Harbour wall repaired',
      'Summer regatta route',
    ],
    sentences: [
      'The ferry leaves twenty minutes earlier on weekdays from the first of June.',
      'Boat owners can book one of twelve new moorings at the harbour office.',
      'Traders at the fish market now set up their stalls at half past five.',
      'Visitors may climb the lighthouse stairs on Saturdays when the weather is calm.',
      'Children from eight years old can join the beginners group on Tuesday evenings.',
      'The dredger removed enough silt for larger yachts to enter at low tide.',
      'Masons replaced the loose stones along forty metres of the outer wall.',
      'This year the regatta rounds the north buoy twice before the finish line.',
      'The harbour master thanked the volunteers who helped during the works.',
      'Parking near the quay stays free for residents until the end of the season.',
    ],
  },
  {
    id: 'de',
    host: 'gartenblatt.example',
    header: [
      '[Startseite](https://gartenblatt.example/) · [Gemüse](https://gartenblatt.example/gemuese) · [Obst](https://gartenblatt.example/obst) · [Werkzeug](https://gartenblatt.example/werkzeug)',
      '[Anmelden](https://gartenblatt.example/anmelden) | [Registrieren](https://gartenblatt.example/registrieren)',
    ],
    footer: [
      'Teilen: [Facebook](https://www.facebook.com/sharer/sharer.php?u=https://gartenblatt.example/) [WhatsApp](https://api.whatsapp.com/send?text=gartenblatt)',
      '© 2024 Gartenblatt. [Impressum](https://gartenblatt.example/impressum) · [Datenschutz](https://gartenblatt.example/datenschutz)',
    ],
    titles: [
      'Tomaten richtig stützen',
      'Beete im Herbst mulchen',
      'Apfelbaum schneiden',
      'Kompost ansetzen',
      'Kartoffeln lagern',
      'Regenwasser sammeln',
      'Erdbeeren vermehren',
      'Gartenschere schärfen',
    ],
    sentences: [
      'Binden Sie die Tomaten locker an einen Stab, damit der Stängel nicht einschnürt.',
      'Eine dünne Schicht Laub schützt den Boden im Winter vor dem Austrocknen.',
      'Schneiden Sie nach innen wachsende Triebe direkt am Ast ab.',
      'Grünschnitt und Küchenabfälle sollten im Kompost immer abwechselnd liegen.',
      'Kartoffeln halten sich am längsten in einem dunklen, kühlen Keller.',
      'Eine Regentonne unter dem Fallrohr füllt sich schon nach einem Gewitter.',
      'Die Ausläufer der Erdbeeren setzt man im Sommer in kleine Töpfe.',
      'Mit einem feinen Schleifstein wird die Klinge in wenigen Minuten wieder scharf.',
      'Gießen Sie am besten früh am Morgen, bevor die Sonne den Boden erwärmt.',
      'Im nächsten Jahr wächst an derselben Stelle am besten eine andere Pflanzenfamilie.',
    ],
  },
  {
    id: 'ko',
    host: 'bapsang.example',
    header: [
      '[홈](https://bapsang.example/) · [한식](https://bapsang.example/korean) · [반찬](https://bapsang.example/side) · [국물요리](https://bapsang.example/soup)',
      '[로그인](https://bapsang.example/login) | [회원가입](https://bapsang.example/join)',
    ],
    footer: [
      '공유하기: [카카오스토리](https://story.kakao.com/share?url=https://bapsang.example/) [네이버](https://share.naver.com/web/shareView?url=https://bapsang.example/)',
      '© 2024 밥상일기. [이용약관](https://bapsang.example/terms) · [개인정보처리방침](https://bapsang.example/privacy)',
    ],
    titles: [
      '된장찌개 끓이기',
      '시금치 나물 무치기',
      '계란말이 만들기',
      '김치볶음밥',
      '멸치볶음',
      '미역국 끓이는 법',
      '감자조림',
      '오이무침',
    ],
    sentences: [
      '멸치와 다시마로 육수를 먼저 우려내면 찌개 맛이 훨씬 깊어집니다.',
      '시금치는 끓는 물에 삼십 초만 데친 뒤 찬물에 헹궈 주세요.',
      '계란물에 잘게 썬 당근과 파를 넣으면 색이 예쁘게 나옵니다.',
      '잘 익은 김치를 먼저 볶은 다음 밥을 넣고 센 불에서 섞어 줍니다.',
      '멸치는 마른 팬에 한 번 볶아 비린내를 날려 보내는 것이 좋습니다.',
      '불린 미역을 참기름에 달달 볶은 뒤 물을 붓고 오래 끓여 주세요.',
      '감자는 간장과 물엿을 넣고 국물이 졸아들 때까지 조립니다.',
      '오이는 소금에 잠시 절였다가 물기를 꼭 짜서 양념에 버무립니다.',
      '남은 반찬은 밀폐 용기에 담아 냉장고에 사흘 정도 보관할 수 있습니다.',
      '간은 마지막에 한 번 더 보고 부족하면 국간장을 조금 넣습니다.',
    ],
  },
  {
    id: 'it',
    host: 'cucinadicasa.example',
    header: [
      '[Home](https://cucinadicasa.example/) · [Primi](https://cucinadicasa.example/primi) · [Secondi](https://cucinadicasa.example/secondi) · [Dolci](https://cucinadicasa.example/dolci)',
      '[Accedi](https://cucinadicasa.example/accedi) | [Iscriviti](https://cucinadicasa.example/iscriviti)',
    ],
    footer: [
      'Condividi: [Facebook](https://www.facebook.com/sharer/sharer.php?u=https://cucinadicasa.example/) [Telegram](https://t.me/share/url?url=https://cucinadicasa.example/)',
      '© 2024 Cucina di Casa. [Chi siamo](https://cucinadicasa.example/chi-siamo) · [Privacy](https://cucinadicasa.example/privacy) · [Cookie](https://cucinadicasa.example/cookie)',
    ],
    titles: [
      'Risotto alla zucca',
      'Polpette al sugo',
      'Crostata di albicocche',
      'Minestrone di stagione',
      'Pane fatto in casa',
      'Frittata di zucchine',
      'Tiramisù veloce',
      'Pasta e fagioli',
    ],
    sentences: [
      'Tostate il riso nella pentola asciutta prima di aggiungere il brodo caldo.',
      "Lasciate riposare le polpette in frigorifero per mezz'ora prima di cuocerle.",
      'La pasta frolla si stende meglio tra due fogli di carta da forno.',
      'Tagliate le verdure tutte della stessa misura, così cuociono insieme.',
      "L'impasto deve raddoppiare di volume in un luogo tiepido e senza correnti.",
      'Girate la frittata aiutandovi con un piatto largo quanto la padella.',
      'Inzuppate i savoiardi nel caffè solo per un attimo, altrimenti si sfaldano.',
      'Una parte dei fagioli frullati rende la minestra più cremosa.',
      "Servite subito con un filo d'olio crudo e una macinata di pepe.",
      'Avanzi e scarti di verdura possono diventare un ottimo brodo vegetale.',
    ],
  },
  {
    id: 'zh',
    host: 'shuma.example',
    header: [
      '[首页](https://shuma.example/) | [手机](https://shuma.example/phone) | [电脑](https://shuma.example/pc) | [评测](https://shuma.example/review)',
      '[登录](https://shuma.example/login) | [注册](https://shuma.example/register)',
    ],
    footer: [
      '分享到：[微博](https://service.weibo.com/share/share.php?url=https://shuma.example/) [QQ空间](https://sns.qzone.qq.com/cgi-bin/qzshare/cgi_qzshare_onekey?url=https://shuma.example/)',
      '版权所有 © 2024 数码小站 [关于我们](https://shuma.example/about) · [联系我们](https://shuma.example/contact)',
    ],
    titles: ['旧手机换电池', '笔记本清灰', '路由器摆放位置', '机械键盘保养', '显示器校色', '移动硬盘备份', '耳机降噪原理', '平板贴膜技巧'],
    sentences: [
      '换电池之前一定要先关机，并且准备好合适的螺丝刀和撬片。',
      '风扇上的灰尘可以用软毛刷轻轻刷掉，不要直接用水擦。',
      '路由器最好放在房子中间比较高的位置，避免靠近微波炉。',
      '键帽拆下来以后可以泡在温水里，晾干后再装回去。',
      '校色前先让显示器预热半小时，这样结果会更准确。',
      '重要的照片最好同时保存在两个不同的地方。',
      '主动降噪是用麦克风收集噪声，再播放相反的声波把它抵消。',
      '贴膜前在浴室里放一会儿热水，空气里的灰尘会少很多。',
      '如果遇到问题，可以先重启设备再试一次。',
      '购买配件时要注意型号是否完全一致。',
    ],
  },
]

/** Article `i` of a language's site: its title, three sentences of the bank, the template around them. */
function articleOf(language: Language, index: number, withFrontmatter: boolean): SiteArticle {
  const title = language.titles[index % language.titles.length]!
  const bank = language.sentences
  const content = [0, 3, 7].map((step) => bank[(index + step) % bank.length]!)
  const frontmatter = withFrontmatter ? `---\ntitle: "${title}"\nurl: https://${language.host}/${index + 1}\n---\n\n` : ''
  const text = `${frontmatter}${language.header.join('\n\n')}\n\n# ${title}\n\n${content.join('\n\n')}\n\n${language.footer.join('\n\n')}\n`
  return {path: `${language.id}/${index + 1}.md`, text, content: [title, ...content], template: [...language.header, ...language.footer]}
}

/**
 * One site per language (en, de, ko, it, zh) of `articles` articles each.
 * The zh site has no frontmatter: its articles are told apart by folder.
 */
export function templateSites(articles = 8): SiteArticle[] {
  return LANGUAGES.flatMap((language) => Array.from({length: articles}, (_, index) => articleOf(language, index, language.id !== 'zh')))
}

/** Title openings (digits would be normalised away: titles that differ only in a number are one block). */
const TITLE_STARTS = ['How to fix', 'A fix for', 'Solved:', 'Quick help with', 'Tips on', 'All about', 'Notes on', 'Guide to']

const TUTORIAL = [
  'Before you start, unplug the printer and wait a minute so its memory clears.',
  'Open the settings of the computer, go to the list of devices and remove the printer from it.',
  'Download the newest driver from the maker of the printer and run the installer as an administrator.',
  'Plug the printer back in when the installer asks for it and print a test page.',
]

/**
 * A repost network: `articles` articles of one host; the first `reposts` are
 * one tutorial published again under other titles (its blocks recur with
 * their neighbours), the rest are other articles. Every article has the
 * site's menu line on top (a template).
 */
export function repostNetwork(articles = 10, reposts = 6): SiteArticle[] {
  const menu = '[Home](https://fix-it.example/) · [Printers](https://fix-it.example/printers) · [Drivers](https://fix-it.example/drivers)'
  const others = [
    'A laser printer needs a new drum about every twelve thousand pages.',
    'Matte paper hides fingerprints better than glossy paper does.',
    'Ink cartridges dry out faster in a warm and sunny room.',
    'A printer on the same network as the laptop can be shared without cables.',
  ]
  return Array.from({length: articles}, (_, index) => {
    const title = `${TITLE_STARTS[index % TITLE_STARTS.length]!} ${index < reposts ? 'the printer that Windows cannot find' : 'printing at home'}${index >= TITLE_STARTS.length ? ', again' : ''}`
    const body = index < reposts ? TUTORIAL : [others[index % others.length]!, others[(index + 1) % others.length]!]
    const text = `---\ntitle: "${title}"\ncanonical_url: https://fix-it.example/post-${index + 1}\n---\n\n${menu}\n\n# ${title}\n\n${body.join('\n\n')}\n`
    return {path: `fix-it/${index + 1}.md`, text, content: [title, ...body], template: [menu]}
  })
}
