// The hand-written part of the place gazetteer: what the world-countries package (countries,
// official names, alternative spellings, capitals, demonyms) does not give, or gives in a form
// news text does not print. places.ts joins the two.
//
// Lists are compact strings: entries split by ';', and in an entry the first name is the
// canonical one and any further names after '/' are its aliases ("Mumbai/Bombay").
// Country keys are world-countries' common names ("Türkiye", "DR Congo", "Ivory Coast",
// "Czechia"); places.ts throws on a key it does not know, and the tests load every table.
// A region's or city's country is the sovereign the UN recognises (Crimea → Ukraine,
// Golan Heights → Syria, Gaza → Palestine); null where a region spans countries or is
// contested between them (Kashmir, Punjab, Kurdistan, Western Sahara).

/**
 * Never a place key, from any source (package or these lists), in any spelling variant:
 * ordinary words, and places whose name is as often a person's in news text.
 *
 * Left out on purpose (a place-finder misses them; the person-finder is the better guess):
 * - capitals that are common first names: Victoria (Seychelles; also the Australian state),
 *   Santiago (Chile: "Santiago de Chile" is kept), Sofia (Bulgaria);
 * - territory capitals that are person names or ordinary words: Hamilton (Bermuda), Douglas
 *   (Isle of Man), Stanley (Falklands), The Valley (Anguilla), The Bottom, West Island,
 *   Plymouth (Montserrat), Jamestown, Saint-Denis and Saint-Pierre (also French suburbs/towns),
 *   Cayenne (the pepper), Male (Maldives: "Malé" with its accent is kept);
 * - cities that are common first names or surnames: Austin, Charlotte, Florence, Adelaide,
 *   Regina, Orlando, Lincoln, Jackson, Madison, Augusta, Savannah, Salvador, Medina, Darwin,
 *   Mendoza, Kobe, Gao (a common Chinese surname), Saint Paul (Minnesota; also the apostle);
 * - cities that are ordinary words: Nice, Tyre, Mobile, Reading, Bath, Split, Sale, Buffalo,
 *   Queens, Amazon (the company as often as the river or forest);
 * - package alternative spellings that are words, demonyms or names: Island (Iceland), Mann
 *   (Isle of Man), Lao, Thai, Togolese, Saudi, Prathet, Mexicanos, Portuguesa, Nippon (a
 *   company), Dominique, Reunion (without its accent), Bharat (also a common given name),
 *   Emirates (the airline; "the Emirates" is kept), and codes that are words or other things:
 *   GB, RSA, CAR, PNG;
 * - calendar and function words that a name finder sees capitalised: no place is called
 *   March, May, Will, Said or State, and they are listed so no future data adds them.
 *
 * Kept although also names or words (the place reading dominates in news): Jordan, Chad,
 * Georgia (the country; the U.S. state is not keyed), Israel, Turkey, China, Chile, Niger,
 * Guinea, Jersey, Virginia, Montana, Indiana, Sydney, Paris, Houston, Phoenix, Cleveland,
 * Columbus, Holland, Kingston, and Washington (the capital, not the state or a person).
 */
export const EXCLUDED_NAMES: readonly string[] = [
  'Victoria',
  'Santiago',
  'Sofia',
  'City of Victoria',
  'Hamilton',
  'Douglas',
  'Stanley',
  'The Valley',
  'Valley',
  'The Bottom',
  'Bottom',
  'West Island',
  'Plymouth',
  'Jamestown',
  'Saint-Denis',
  'Saint-Pierre',
  'Cayenne',
  'Male',
  'Austin',
  'Charlotte',
  'Florence',
  'Adelaide',
  'Regina',
  'Orlando',
  'Lincoln',
  'Jackson',
  'Madison',
  'Augusta',
  'Savannah',
  'Salvador',
  'Medina',
  'Darwin',
  'Mendoza',
  'Kobe',
  'Gao',
  'Nice',
  'Tyre',
  'Mobile',
  'Reading',
  'Bath',
  'Split',
  'Sale',
  'Buffalo',
  'Queens',
  'Amazon',
  'Island',
  'Mann',
  'Lao',
  'Thai',
  'Togolese',
  'Saudi',
  'Prathet',
  'Mexicanos',
  'Portuguesa',
  'Nippon',
  'Dominique',
  'Reunion',
  'Bharat',
  'Bhārat',
  'Emirates',
  'GB',
  'RSA',
  'CAR',
  'PNG',
  'March',
  'May',
  'Will',
  'Said',
  'State',
  'States',
  'West',
  'East',
  'North',
  'South',
];

/**
 * Package entries that are not countries, with the country that holds them (null: none).
 * They become regions. An entry not listed here is a country when the package marks it
 * independent, and Palestine, Taiwan and Kosovo are countries too (COUNTRY_CODES_EXTRA).
 */
export const SOVEREIGN_OF_TERRITORY: Readonly<Record<string, string | null>> = {
  HK: 'CN',
  MO: 'CN',
  PR: 'US',
  GU: 'US',
  VI: 'US',
  AS: 'US',
  MP: 'US',
  UM: 'US',
  GL: 'DK',
  FO: 'DK',
  GI: 'GB',
  BM: 'GB',
  KY: 'GB',
  VG: 'GB',
  AI: 'GB',
  MS: 'GB',
  TC: 'GB',
  FK: 'GB',
  SH: 'GB',
  IO: 'GB',
  PN: 'GB',
  GS: 'GB',
  JE: 'GB',
  GG: 'GB',
  IM: 'GB',
  NC: 'FR',
  PF: 'FR',
  GP: 'FR',
  MQ: 'FR',
  GF: 'FR',
  RE: 'FR',
  YT: 'FR',
  PM: 'FR',
  WF: 'FR',
  BL: 'FR',
  MF: 'FR',
  TF: 'FR',
  AW: 'NL',
  CW: 'NL',
  SX: 'NL',
  BQ: 'NL',
  CK: 'NZ',
  NU: 'NZ',
  TK: 'NZ',
  NF: 'AU',
  CX: 'AU',
  CC: 'AU',
  HM: 'AU',
  SJ: 'NO',
  BV: 'NO',
  AX: 'FI',
  EH: null,
};
/** Not marked independent by the package, but countries in news text. */
export const COUNTRY_CODES_EXTRA: readonly string[] = ['PS', 'TW', 'XK'];
/** Package entries that are continents, not countries. */
export const CONTINENT_CODES: readonly string[] = ['AQ'];

/** Canonical names that differ from the package's spelling of a capital or territory. */
export const RENAMED: Readonly<Record<string, string>> = {
  'Washington D.C.': 'Washington',
  'Ulan Bator': 'Ulaanbaatar',
  Papeetē: 'Papeete',
  Santiago: 'Santiago de Chile',
};

/**
 * News forms of country names, beside the package's own. They win over the package's
 * alternative spellings ("Congo" is the DR Congo here, as in most news copy; the package
 * gives it to the Republic of the Congo, which keeps "Congo-Brazzaville").
 */
export const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  'United States': 'U.S./US/USA/U.S.A./America/United States of America',
  'United Kingdom': 'UK/U.K./Britain/Great Britain/United Kingdom of Great Britain and Northern Ireland',
  'United Arab Emirates': 'UAE/U.A.E.',
  China: "PRC/Mainland China/mainland China/People's Republic of China",
  'DR Congo': 'Congo/DRC/D.R.C./D.R. Congo/Democratic Republic of Congo/Democratic Republic of the Congo/Congo-Kinshasa',
  'Republic of the Congo': 'Republic of Congo/Congo Republic/Congo-Brazzaville',
  Türkiye: 'Turkey/Turkiye/Republic of Turkey',
  Czechia: 'Czech Republic',
  'Ivory Coast': "Côte d'Ivoire/Cote d'Ivoire",
  'Saudi Arabia': 'KSA/Kingdom of Saudi Arabia',
  'Bosnia and Herzegovina': 'Bosnia/Bosnia-Herzegovina/BiH',
  'Timor-Leste': 'East Timor',
  'Cape Verde': 'Cabo Verde',
  Eswatini: 'Swaziland',
  Myanmar: 'Burma',
  'North Macedonia': 'Macedonia',
  'Vatican City': 'Vatican/Holy See',
  'Trinidad and Tobago': 'Trinidad',
  'Antigua and Barbuda': 'Antigua',
  'São Tomé and Príncipe': 'Sao Tome',
  'Guinea-Bissau': 'Guinea Bissau',
  Laos: 'Lao PDR',
  Russia: 'Russian Federation',
  'North Korea': 'DPRK/D.P.R.K.',
  'South Korea': 'Republic of Korea',
  Netherlands: 'Holland',
  Palestine: 'State of Palestine',
  Micronesia: 'Federated States of Micronesia',
  'New Zealand': 'NZ/Aotearoa',
  Gambia: 'The Gambia',
  Bahamas: 'The Bahamas',
  Philippines: 'The Philippines',
};

/** Names that denote a place only after "the" ("the States", "the Emirates"). */
export const THE_ONLY: Readonly<Record<string, string>> = {
  States: 'United States',
  Emirates: 'United Arab Emirates',
};

/**
 * Capitals: spellings beside the package's (first name = the package's capital after RENAMED),
 * and seats of government the package leaves out (La Paz, Sri Jayawardenepura Kotte).
 */
export const CAPITALS: Readonly<Record<string, string>> = {
  'United States': 'Washington/Washington, D.C./Washington D.C./Washington DC/D.C./DC/District of Columbia',
  Ukraine: 'Kyiv/Kiev',
  China: 'Beijing/Peking',
  Mongolia: 'Ulaanbaatar/Ulan Bator',
  Kazakhstan: 'Astana/Nur-Sultan',
  Myanmar: 'Naypyidaw/Nay Pyi Taw/Naypyitaw',
  Yemen: "Sana'a/Sanaa",
  Iran: 'Tehran/Teheran',
  Iceland: 'Reykjavik/Reykjavík',
  Kosovo: 'Pristina/Prishtina',
  Chad: "N'Djamena/Ndjamena",
  'Trinidad and Tobago': 'Port of Spain/Port-of-Spain',
  Switzerland: 'Bern/Berne',
  Nepal: 'Kathmandu/Katmandu',
  Turkmenistan: 'Ashgabat/Ashkhabad',
  Chile: 'Santiago de Chile',
  Bolivia: 'Sucre; La Paz',
  'Sri Lanka': 'Colombo; Sri Jayawardenepura Kotte/Kotte',
  'Guinea-Bissau': 'Bissau',
  'South Africa': 'Pretoria/Tshwane; Cape Town; Bloemfontein',
  Israel: 'Jerusalem',
  Palestine: 'Ramallah',
  Kuwait: 'Kuwait City',
  Tonga: "Nuku'alofa",
  'Ivory Coast': 'Yamoussoukro',
};

/** Continents (kind 'continent'). Antarctica comes from the package. */
export const CONTINENTS = 'Africa; Asia; Europe; North America; South America; Oceania';

/** Big regions with no single country. */
export const WORLD_REGIONS =
  'Middle East/Mideast; Near East; Far East; Latin America; Central America; Caribbean; Americas;' +
  ' Western Hemisphere; Southeast Asia/South-East Asia/South East Asia; South Asia; East Asia;' +
  ' Central Asia; Asia-Pacific/Asia Pacific; Indo-Pacific; Pacific/Pacific Ocean;' +
  ' Atlantic/Atlantic Ocean; Indian Ocean; Arctic; Antarctic; Mediterranean/Mediterranean Sea;' +
  ' Balkans/Balkan Peninsula; Western Balkans; Caucasus; South Caucasus; Baltics/Baltic states/Baltic States;' +
  ' Baltic Sea; Scandinavia; Nordics/Nordic countries; Eastern Europe; Western Europe; Central Europe;' +
  ' Southern Europe; Northern Europe; Eurasia; Australasia; Polynesia; Melanesia; Sahel; Sahara;' +
  ' Maghreb; Levant; Horn of Africa; Sub-Saharan Africa/sub-Saharan Africa; West Africa; East Africa;' +
  ' North Africa; Southern Africa; Central Africa; Lake Chad; Gulf/Persian Gulf/Arabian Gulf;' +
  ' Gulf of Aden; Gulf of Mexico; Gulf of America; Red Sea; Black Sea; Caspian Sea/Caspian;' +
  ' South China Sea; East China Sea; Sea of Japan; Taiwan Strait/Taiwan Straits;' +
  ' Strait of Hormuz/Hormuz Strait; Bab el-Mandeb/Bab al-Mandab; Korea/Korean Peninsula;' +
  ' Arabian Peninsula; Kurdistan; Kashmir; Punjab; Himalayas; Alps; Andes; Patagonia; Borneo;' +
  ' Balochistan/Baluchistan; Essequibo';

/** Regions inside one country: provinces, states, territories and areas news names. */
export const COUNTRY_REGIONS: Readonly<Record<string, string>> = {
  'United States': 'Midwest; New England; Silicon Valley; Appalachia',
  'United Kingdom': 'England; Scotland; Wales; Northern Ireland; Channel Islands',
  Ukraine: 'Crimea/Crimean Peninsula; Donbas/Donbass',
  Russia: 'Siberia; Chechnya; Dagestan; North Caucasus',
  Palestine: 'Gaza/Gaza Strip; West Bank; East Jerusalem; Palestinian territories/Palestinian Territories/occupied Palestinian territories',
  Israel: 'Negev',
  Syria: 'Golan Heights/Golan',
  Egypt: 'Sinai/Sinai Peninsula',
  Iraq: 'Kurdistan Region/Iraqi Kurdistan',
  Lebanon: 'Bekaa/Bekaa Valley',
  Sudan: 'Darfur; North Darfur; Kordofan',
  Ethiopia: 'Tigray; Amhara; Oromia',
  Somalia: 'Somaliland; Puntland',
  Mozambique: 'Cabo Delgado',
  Nigeria: 'Borno; Niger Delta',
  'DR Congo': 'North Kivu; South Kivu; Ituri',
  Tanzania: 'Zanzibar',
  'South Africa': 'Western Cape; Gauteng; KwaZulu-Natal',
  Myanmar: 'Rakhine; Kachin',
  China: 'Xinjiang; Tibet; Inner Mongolia; Guangdong; Hubei; Sichuan; Fujian; Yunnan; Zhejiang; Jiangsu; Shandong; Henan; Hainan',
  India:
    'Kerala; Maharashtra; Gujarat; Tamil Nadu; Uttar Pradesh; West Bengal; Bihar; Karnataka; Assam; Manipur; Rajasthan; Andhra Pradesh; Telangana; Odisha; Ladakh; Jammu and Kashmir/Jammu & Kashmir; Goa',
  Pakistan: 'Khyber Pakhtunkhwa; Sindh; Waziristan',
  Afghanistan: 'Helmand; Panjshir',
  Japan: 'Okinawa; Hokkaido; Fukushima; Kyushu',
  'South Korea': 'Jeju/Jeju Island',
  Philippines: 'Mindanao; Luzon',
  Indonesia: 'Aceh; Papua; West Papua; Bali; Java; Sumatra; Sulawesi',
  Malaysia: 'Sabah; Sarawak',
  Azerbaijan: 'Nagorno-Karabakh/Karabakh',
  Moldova: 'Transnistria',
  Georgia: 'Abkhazia; South Ossetia',
  Cyprus: 'Northern Cyprus',
  'Bosnia and Herzegovina': 'Republika Srpska',
  Spain: 'Catalonia; Basque Country; Andalusia; Galicia; Canary Islands/Canaries; Balearic Islands',
  France: 'Corsica; Normandy; Alsace; Provence; Île-de-France',
  Germany: 'Bavaria; Saxony; Thuringia; Brandenburg',
  Italy: 'Sicily; Sardinia; Lombardy; Tuscany; Lampedusa',
  Belgium: 'Flanders; Wallonia',
  Norway: 'Svalbard',
  Canada:
    'Ontario; Quebec; British Columbia; Alberta; Manitoba; Saskatchewan; Nova Scotia; New Brunswick; Newfoundland/Newfoundland and Labrador; Prince Edward Island; Yukon; Nunavut; Northwest Territories',
  Australia: 'New South Wales; Queensland; Tasmania; Western Australia; South Australia; Northern Territory',
  Mexico: 'Sinaloa; Jalisco; Chihuahua; Sonora; Michoacán; Tamaulipas; Oaxaca; Chiapas; Baja California; Yucatán',
  Brazil: 'Amazonas; Rio Grande do Sul; Minas Gerais; Bahia',
};

/**
 * U.S. states and D.C.'s neighbours in news copy. New York and Washington are the cities:
 * the states are "New York State" and "Washington State". Georgia is the country (above),
 * so the U.S. state has no key.
 */
export const US_STATES =
  'Alabama; Alaska; Arizona; Arkansas; California; Colorado; Connecticut; Delaware; Florida;' +
  " Hawaii/Hawai'i; Idaho; Illinois; Indiana; Iowa; Kansas; Kentucky; Louisiana; Maine; Maryland;" +
  ' Massachusetts; Michigan; Minnesota; Mississippi; Missouri; Montana; Nebraska; Nevada;' +
  ' New Hampshire; New Jersey; New Mexico; New York State/New York state; North Carolina;' +
  ' North Dakota; Ohio; Oklahoma; Oregon; Pennsylvania; Rhode Island; South Carolina; South Dakota;' +
  ' Tennessee; Texas; Utah; Vermont; Virginia; Washington State/Washington state; West Virginia;' +
  ' Wisconsin; Wyoming';

/** Major and newsworthy cities that are not national capitals. */
export const CITIES: Readonly<Record<string, string>> = {
  'United States':
    'New York/New York City/NYC; Los Angeles/L.A.; Chicago; Houston; Phoenix; Philadelphia; San Antonio;' +
    ' San Diego; Dallas; San Jose; Jacksonville; Fort Worth; Columbus; Indianapolis; San Francisco; Seattle;' +
    ' Denver; Oklahoma City; Nashville; El Paso; Boston; Portland; Las Vegas; Detroit; Memphis; Louisville;' +
    ' Baltimore; Milwaukee; Albuquerque; Tucson; Sacramento; Kansas City; Atlanta; Miami; Minneapolis;' +
    ' Tampa; New Orleans; Cleveland; Pittsburgh; Cincinnati; Saint Louis; Honolulu; Anchorage;' +
    ' Salt Lake City; Newark; Brooklyn; Manhattan; Bronx; Harlem; Palm Beach; Hollywood; Mar-a-Lago;' +
    ' Camp David; Raleigh; Richmond; Charleston; Omaha; Tulsa; Des Moines; Fort Lauderdale; Albany; Flint',
  Canada: 'Toronto; Montreal/Montréal; Vancouver; Calgary; Edmonton; Winnipeg; Quebec City; Halifax',
  Mexico: 'Guadalajara; Monterrey; Tijuana; Ciudad Juárez/Juárez; Cancún; Acapulco; Culiacán; Puebla; Veracruz',
  Brazil: 'São Paulo; Rio de Janeiro/Rio; Belo Horizonte; Porto Alegre; Recife; Fortaleza; Manaus; Curitiba',
  Argentina: 'Córdoba; Rosario',
  Colombia: 'Medellín; Cali; Cartagena; Barranquilla',
  Peru: 'Cusco/Cuzco; Arequipa',
  Chile: 'Valparaíso',
  Venezuela: 'Maracaibo',
  Ecuador: 'Guayaquil',
  Bolivia: 'Santa Cruz de la Sierra; El Alto',
  Cuba: 'Guantánamo; Guantánamo Bay',
  'United Kingdom':
    'Manchester; Birmingham; Liverpool; Leeds; Sheffield; Glasgow; Edinburgh; Cardiff; Belfast; Bristol;' + ' Oxford; Cambridge; Dover; Newcastle; Southampton; Westminster; Salisbury; Brighton',
  Ireland: 'Cork',
  France: 'Marseille/Marseilles; Lyon; Toulouse; Bordeaux; Lille; Strasbourg; Calais; Nantes; Montpellier; Cannes; Versailles',
  Germany: 'Hamburg; Munich/München; Frankfurt; Cologne/Köln; Stuttgart; Düsseldorf; Dresden; Leipzig; Hanover/Hannover; Nuremberg; Bonn; Ramstein',
  Italy: 'Milan; Naples; Turin; Venice; Genoa; Palermo; Bologna',
  Spain: 'Barcelona; Valencia; Seville; Bilbao; Málaga; Zaragoza',
  Portugal: 'Porto',
  Netherlands: 'Rotterdam; The Hague; Utrecht',
  Belgium: 'Antwerp; Ghent; Bruges',
  Switzerland: 'Geneva; Zurich/Zürich; Davos; Basel; Lausanne',
  Austria: 'Salzburg; Innsbruck',
  Poland: 'Kraków/Krakow/Cracow; Gdańsk; Wrocław; Łódź/Lodz',
  Czechia: 'Brno',
  Romania: 'Cluj-Napoca',
  Serbia: 'Novi Sad',
  Greece: 'Thessaloniki; Piraeus',
  Türkiye: 'Istanbul/İstanbul; Izmir/İzmir; Antalya; Gaziantep; Diyarbakır; Bursa; Adana; Kahramanmaraş; Hatay',
  Sweden: 'Gothenburg; Malmö',
  Norway: 'Bergen',
  Denmark: 'Aarhus',
  Russia:
    'Saint Petersburg; Novosibirsk; Yekaterinburg; Kazan; Nizhny Novgorod; Belgorod; Kursk;' +
    ' Rostov-on-Don/Rostov; Krasnodar; Sochi; Volgograd; Vladivostok; Murmansk; Kaliningrad; Grozny; Bryansk',
  Ukraine:
    'Kharkiv/Kharkov; Odesa/Odessa; Lviv/Lvov; Dnipro; Zaporizhzhia/Zaporizhia/Zaporozhye; Mariupol;' +
    ' Kherson; Mykolaiv; Donetsk; Luhansk/Lugansk; Bakhmut; Avdiivka; Pokrovsk; Sumy; Chernihiv;' +
    ' Kramatorsk; Sloviansk; Bucha; Irpin; Melitopol; Sevastopol; Simferopol; Vinnytsia; Poltava;' +
    ' Chernobyl/Chornobyl',
  Israel: 'Tel Aviv; Haifa; Eilat; Beersheba/Beer Sheva; Ashkelon; Ashdod; Sderot; Netanya; Nazareth',
  Palestine: 'Gaza City; Rafah; Khan Younis/Khan Yunis; Deir al-Balah; Jabalia; Beit Lahia; Beit Hanoun; Jenin;' + ' Nablus; Hebron; Tulkarm; Bethlehem; Jericho',
  Lebanon: 'Sidon; Baalbek; Nabatieh',
  Syria: 'Aleppo; Homs; Hama; Idlib; Raqqa; Deir ez-Zor; Daraa; Latakia; Tartus',
  Iraq: 'Mosul; Basra; Erbil/Irbil; Kirkuk; Fallujah; Najaf; Karbala; Ramadi; Sulaymaniyah',
  Iran: 'Mashhad; Isfahan; Tabriz; Shiraz; Qom; Natanz; Fordow; Bushehr; Bandar Abbas; Ahvaz',
  'Saudi Arabia': 'Jeddah; Mecca/Makkah; Dammam',
  'United Arab Emirates': 'Dubai; Sharjah',
  Yemen: 'Aden; Hodeidah; Marib; Taiz',
  Jordan: 'Aqaba',
  Egypt: 'Alexandria; Giza; Luxor; Sharm el-Sheikh; Port Said; Suez; Aswan',
  Libya: 'Benghazi; Misrata; Sirte',
  Tunisia: 'Sfax',
  Algeria: 'Oran',
  Morocco: 'Casablanca; Marrakech/Marrakesh; Tangier; Fez/Fes',
  Sudan: 'Omdurman; Port Sudan; El Fasher/El-Fasher/Al-Fashir; Nyala; Wad Madani',
  Ethiopia: 'Mekelle',
  Somalia: 'Kismayo; Hargeisa',
  Kenya: 'Mombasa; Kisumu',
  Tanzania: 'Dar es Salaam',
  Nigeria: 'Lagos; Kano; Ibadan; Port Harcourt; Maiduguri; Kaduna',
  Ghana: 'Kumasi',
  'Ivory Coast': 'Abidjan',
  Benin: 'Cotonou',
  Cameroon: 'Douala',
  'DR Congo': 'Goma; Lubumbashi; Bukavu',
  'South Africa': 'Johannesburg; Durban; Soweto; Gqeberha/Port Elizabeth',
  Mali: 'Timbuktu',
  Zimbabwe: 'Bulawayo',
  India:
    'Mumbai/Bombay; Delhi; Kolkata/Calcutta; Chennai/Madras; Bengaluru/Bangalore; Hyderabad; Ahmedabad;' +
    ' Pune; Srinagar; Lucknow; Jaipur; Amritsar; Varanasi; Ayodhya; Kanpur; Surat; Nagpur; Patna',
  Pakistan: 'Karachi; Lahore; Peshawar; Quetta; Rawalpindi; Faisalabad; Multan',
  Bangladesh: "Chittagong/Chattogram; Cox's Bazar",
  Afghanistan: 'Kandahar; Herat; Mazar-i-Sharif; Jalalabad; Kunduz; Bagram',
  Nepal: 'Pokhara',
  China:
    "Shanghai; Guangzhou; Shenzhen; Chongqing; Tianjin; Wuhan; Chengdu; Xi'an/Xian; Hangzhou;" +
    ' Nanjing; Harbin; Urumqi/Ürümqi; Lhasa; Dalian; Qingdao; Xiamen; Suzhou; Kunming; Shenyang;' +
    ' Zhengzhou; Changsha',
  Taiwan: 'Kaohsiung; Taichung',
  Japan: 'Osaka; Yokohama; Nagoya; Kyoto; Hiroshima; Nagasaki; Sapporo; Fukuoka; Sendai',
  'South Korea': 'Busan/Pusan; Incheon; Daegu; Gwangju',
  Vietnam: 'Ho Chi Minh City/Saigon; Da Nang/Danang; Haiphong',
  Thailand: 'Chiang Mai; Phuket; Pattaya',
  Cambodia: 'Siem Reap',
  Myanmar: 'Yangon/Rangoon; Mandalay',
  Malaysia: 'Penang; Johor Bahru',
  Indonesia: 'Surabaya; Bandung; Medan; Nusantara',
  Philippines: 'Quezon City; Cebu; Davao',
  Kazakhstan: 'Almaty',
  Uzbekistan: 'Samarkand',
  Australia: 'Sydney; Melbourne; Brisbane; Perth; Gold Coast; Hobart',
  'New Zealand': 'Auckland; Christchurch',
};

/**
 * Demonyms and adjectives beside the package's ("Briton", "Turk", the Korean forms), and
 * abbreviations printed as adjectives ("U.S. officials"). These win over the package's
 * demonyms: "Congolese" is the DR Congo's (the package gives it to both Congos) and
 * "Dominican" the Dominican Republic's (the package gives it to Dominica too).
 * Plurals ("Britons", "Israelis") are made in places.ts; irregular ones are listed here.
 */
export const DEMONYMS: Readonly<Record<string, string>> = {
  'United States': 'American/U.S./US/USA/U.S.A.',
  'United Kingdom': 'British/Briton/Brit/UK/U.K./Scottish/Scot/Welsh/Northern Irish',
  'United Arab Emirates': 'Emirati/UAE/U.A.E.',
  'Saudi Arabia': 'Saudi/Saudi Arabian',
  Türkiye: 'Turkish/Turk',
  'DR Congo': 'Congolese/DRC',
  'Dominican Republic': 'Dominican',
  Philippines: 'Filipino/Filipina/Philippine',
  Sweden: 'Swede',
  Denmark: 'Dane',
  Finland: 'Finn',
  Poland: 'Pole',
  Spain: 'Spaniard',
  Czechia: 'Czech/Czechs',
  Kazakhstan: 'Kazakh',
  Uzbekistan: 'Uzbek',
  Tajikistan: 'Tajik',
  Kyrgyzstan: 'Kyrgyz',
  Azerbaijan: 'Azeri',
  Ecuador: 'Ecuadorian',
  'Cape Verde': 'Cape Verdean',
  Maldives: 'Maldivian',
  Suriname: 'Surinamese',
  Kosovo: 'Kosovan',
  Comoros: 'Comorian',
  'Burkina Faso': 'Burkinabè',
  Botswana: 'Batswana/Botswanan',
  Lesotho: 'Basotho',
  'Guinea-Bissau': 'Bissau-Guinean',
  'Equatorial Guinea': 'Equatoguinean',
  'El Salvador': 'Salvadorean',
  'Timor-Leste': 'Timorese',
  Nepal: 'Nepali',
  Laos: 'Lao',
  Somalia: 'Somalian',
  Djibouti: 'Djiboutian',
  Palestine: 'Gazan',
  Australia: 'Aussie',
  Argentina: 'Argentinian/Argentinean',
  Luxembourg: 'Luxembourgish',
  Monaco: 'Monégasque',
  'North Korea': 'North Korean',
  'South Korea': 'South Korean',
  'New Zealand': 'New Zealander',
};

/**
 * Demonyms that name no one country: never mapped. ("Korean" is either Korea; "English" is
 * mostly the language; "Virgin Islander" is either Virgin Islands; "Kiwi" is the bird and the
 * fruit as often as a New Zealander.)
 */
export const AMBIGUOUS_DEMONYMS: readonly string[] = ['Korean', 'Koreans', 'English', 'Virgin Islander', 'Virgin Islanders', 'Kiwi', 'Kiwis'];
