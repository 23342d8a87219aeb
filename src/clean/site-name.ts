// An outlet's name from the address of its page, when neither the text nor the page's metadata
// names it: the site's own name for sites readers know by it (www.reuters.com → "Reuters"), else
// the site's domain (www.example-news.org → "example-news.org"), which at least tells two sites apart.

/** Registrable domains of well-known news sites and the names they publish under. */
const KNOWN_SITES = new Map<string, string>([
  ['reuters.com', 'Reuters'],
  ['apnews.com', 'AP'],
  ['afp.com', 'AFP'],
  ['bbc.com', 'BBC'],
  ['bbc.co.uk', 'BBC'],
  ['nytimes.com', 'The New York Times'],
  ['washingtonpost.com', 'The Washington Post'],
  ['wsj.com', 'The Wall Street Journal'],
  ['theguardian.com', 'The Guardian'],
  ['cnn.com', 'CNN'],
  ['foxnews.com', 'Fox News'],
  ['npr.org', 'NPR'],
  ['dw.com', 'DW'],
  ['aljazeera.com', 'Al Jazeera'],
  ['bloomberg.com', 'Bloomberg'],
  ['ft.com', 'Financial Times'],
  ['nbcnews.com', 'NBC News'],
  ['cbsnews.com', 'CBS News'],
  ['abcnews.go.com', 'ABC News'],
  ['usatoday.com', 'USA Today'],
  ['politico.com', 'Politico'],
  ['politico.eu', 'Politico Europe'],
  ['thehill.com', 'The Hill'],
  ['axios.com', 'Axios'],
  ['latimes.com', 'Los Angeles Times'],
  ['economist.com', 'The Economist'],
  ['france24.com', 'France 24'],
  ['lemonde.fr', 'Le Monde'],
  ['spiegel.de', 'Der Spiegel'],
  ['scmp.com', 'South China Morning Post'],
  ['abc.net.au', 'ABC News (Australia)'],
  ['cbc.ca', 'CBC'],
  ['news.sky.com', 'Sky News'],
  ['independent.co.uk', 'The Independent'],
  ['telegraph.co.uk', 'The Telegraph'],
  ['dailymail.co.uk', 'Daily Mail'],
  ['breitbart.com', 'Breitbart'],
  ['vox.com', 'Vox'],
  ['huffpost.com', 'HuffPost'],
  ['newsweek.com', 'Newsweek'],
  ['time.com', 'Time'],
  ['theatlantic.com', 'The Atlantic'],
  ['msnbc.com', 'MSNBC'],
  ['washingtontimes.com', 'The Washington Times'],
  ['nypost.com', 'New York Post'],
  ['nationalreview.com', 'National Review'],
  ['motherjones.com', 'Mother Jones'],
  ['voanews.com', 'VOA'],
  ['rferl.org', 'RFE/RL'],
  ['japantimes.co.jp', 'The Japan Times'],
  ['straitstimes.com', 'The Straits Times'],
  ['euronews.com', 'Euronews'],
  ['xinhuanet.com', 'Xinhua'],
  ['tass.com', 'TASS'],
  ['rt.com', 'RT'],
  ['globaltimes.cn', 'Global Times'],
  ['haaretz.com', 'Haaretz'],
  ['timesofisrael.com', 'The Times of Israel'],
  ['hindustantimes.com', 'Hindustan Times'],
  ['timesofindia.indiatimes.com', 'The Times of India'],
  ['thetimes.co.uk', 'The Times'],
  ['chicagotribune.com', 'Chicago Tribune'],
  ['bostonglobe.com', 'The Boston Globe'],
  ['sfchronicle.com', 'San Francisco Chronicle'],
  ['nationalpost.com', 'National Post'],
  ['theglobeandmail.com', 'The Globe and Mail'],
  ['smh.com.au', 'The Sydney Morning Herald'],
  ['irishtimes.com', 'The Irish Times'],
  ['elpais.com', 'El País'],
  ['lefigaro.fr', 'Le Figaro'],
  ['zeit.de', 'Die Zeit'],
  ['faz.net', 'Frankfurter Allgemeine Zeitung'],
  ['corriere.it', 'Corriere della Sera'],
  ['yahoo.com', 'Yahoo News'],
]);

/** Second-level labels under which a registrable domain takes three labels (example.co.uk). */
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ne', 'or', 'go']);

/** The site's name for a page address, or null when it is no web address. */
export function siteName(url: string | null | undefined): string | null {
  if (!url) return null;
  let host: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return null;
  }
  if (!host.includes('.') || /^[\d.]+$/.test(host) || host.includes(':')) return null;
  // The longest known suffix wins: news.sky.com before sky.com.
  const labels = host.split('.');
  for (let k = 0; k < labels.length - 1; k++) {
    const known = KNOWN_SITES.get(labels.slice(k).join('.'));
    if (known) return known;
  }
  const tail = labels.length >= 3 && SECOND_LEVEL.has(labels[labels.length - 2]!) && labels[labels.length - 1]!.length === 2 ? 3 : 2;
  return labels.slice(-tail).join('.');
}
