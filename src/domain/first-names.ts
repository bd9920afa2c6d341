/**
 * Common Kenyan first names, lower case: typed where a place is asked ("Brian Otieno", "Peter"),
 * they name a person, not a place. Christian and English names, Muslim names, Swahili names, and
 * the commonest given names of Kenya's communities, many of which are surnames too ("Otieno",
 * "Kamau", "Wanjiku"): alone or first, a person either way.
 *
 * No name here is the first word of a known place: a county, town, constituency or ward
 * (test/unit/domain/person-named.test.ts checks every one). So "Karen" (Nairobi), "Victoria",
 * "Bahati", "Kuria", "Hamisi", "Rhoda" and "Ibrahim" (Ibrahim Ure, Wajir) are left out, and the
 * surnames places are named after ("Kenyatta", "Moi") are not first names at all.
 */
export const FIRST_NAMES: ReadonlySet<string> = new Set(
  [
    // Christian and English
    'john peter paul james joseph david daniel samuel stephen michael george charles francis patrick brian kevin dennis collins victor vincent',
    'felix martin mark luke matthew andrew philip simon thomas timothy titus moses isaac jacob joshua elijah emmanuel benjamin nicholas anthony',
    'robert richard edward henry kenneth geoffrey godfrey gilbert harrison evans erick eric allan alex alexander edwin elvis ian ivan jackson',
    'josephat julius justus kelvin lawrence leonard maurice nelson oscar raphael silas solomon wilson wycliffe boniface cornelius duncan gideon',
    'hillary humphrey jeremiah nahashon reuben sammy tony tom mike steve ken',
    'mary grace faith mercy esther ruth sarah rebecca rose jane ann anne anna elizabeth margaret catherine caroline christine diana dorcas eunice',
    'everlyne evelyn fridah gladys irene janet joyce josephine judith lucy lilian linda mildred miriam monica nancy naomi pauline phyllis priscilla',
    'purity rachel salome sharon susan sylvia tabitha teresa winnie beatrice brenda cynthia damaris edith emily hannah jackline jacqueline lydia',
    'martha maureen millicent peris doris agnes alice angela betty cecilia charity immaculate lucia sheila stella veronica',
    // Muslim
    'muhammad ali hassan hussein abdi abdullahi abdul abdirahman ismail yusuf omar osman juma rashid salim saidi swaleh khalid mustafa musa issa',
    'idris farah halima fatuma amina mariam zainab khadija asha aisha hawa rehema mwanaisha saida salma nasra habiba',
    // Swahili
    'baraka neema imani zawadi tumaini',
    // Kikuyu, Luo, Luhya, Kalenjin, Kamba, Kisii, Mijikenda, Meru, Maasai
    'wanjiku wanjiru njeri wambui nyambura wairimu wangari wangui muthoni njoki kamau njoroge mwangi kariuki maina kimani ndungu waweru njuguna',
    'macharia karanja otieno ochieng odhiambo onyango omondi okoth ouma owino ojwang oduor akinyi achieng atieno adhiambo anyango awino akoth apiyo',
    'wafula wanjala barasa wekesa simiyu wamalwa nafula nanjala nekesa kiprop kipchoge kiprotich kipkemboi kiplagat kipruto kipkorir kibet kirui',
    'cheruiyot chebet chepkemoi cherono chelangat jepchirchir mutua musyoka mwikali mutheu ndinda mwende moraa kwamboka kerubo nyaboke bosibori',
    'nyanchama kazungu kahindi kalume kendi mwendwa nkatha gatwiri naserian sankale',
    // Written with an apostrophe (a curly one is read as '), and as often without one
    "kang'ethe kangethe ng'ang'a nganga ndung'u wang'ombe wangombe",
  ]
    .join(' ')
    .split(' '),
);
