/**
 * Towns and areas people name when asked for their county ("Kitengela", "Thika", "Eldoret"): a
 * place within the county, as well as the county. Only places whose county is not in doubt, and
 * only well-known ones: a wrong county sends a case to the wrong office.
 *
 * Sources: county headquarters (the seats of the 47 county governments) and the largest urban
 * centres of the Kenya National Bureau of Statistics' 2019 Kenya Population and Housing Census
 * (Volume II, distribution of population by administrative units: urban centres). The Nairobi and
 * Mombasa estates and areas below were listed before this file (src/domain/counties.ts), as names
 * people type instead of the county; several are also IEBC constituencies.
 *
 * Counties by official code (src/domain/counties.ts): 1 Mombasa ... 47 Nairobi City.
 */
export interface Town {
  name: string;
  county: number;
  /**
   * A second county with a place of the same name: never guessed, both are offered. "Rongai"
   * is Ongata Rongai in Kajiado to most people, and Rongai (a constituency and its town) in Nakuru.
   */
  also?: number;
  /**
   * Also typed as a greeting: "Hola" is the seat of Tana River, and "hola" (or "holla") is how
   * many Kenyans say hi in a text. Typed alone at the county question it is no sure answer: the
   * question is asked again with the town's county offered for one tap (which keeps the town, as
   * "Roysambu" does), so a greeting never files a report in Tana River unasked, and someone from
   * Hola is one tap away. With more words it is the town: "Hola town", "Hola mjini".
   */
  greeting?: true;
}

const t = (name: string, county: number, also?: number): Town => (also === undefined ? { name, county } : { name, county, also });

export const TOWNS: readonly Town[] = [
  // County seats whose name differs from the county's.
  t('Kerugoya', 20), t('Kapsabet', 29), t('Eldoret', 27), t('Kitale', 26), t('Iten', 28), t('Kabarnet', 30), t('Maralal', 25),
  t('Lodwar', 23), t('Kapenguria', 24), { name: 'Hola', county: 4, greeting: true }, t('Ol Kalou', 18), t('Wote', 17), t('Kathwana', 13), t('Mbale', 38),
  t('Rumuruti', 31),
  // The largest urban centres (2019 census) outside the county seats.
  t('Thika', 22), t('Ruiru', 22), t('Juja', 22), t('Kikuyu', 22), t('Karuri', 22), t('Limuru', 22), t('Ruaka', 22),
  t('Kitengela', 34), t('Ngong', 34), t('Ongata Rongai', 34), t('Kiserian', 34), t('Rongai', 34, 32),
  t('Athi River', 16), t('Mlolongo', 16), t('Syokimau', 16),
  t('Naivasha', 32), t('Gilgil', 32), t('Molo', 32), t('Njoro', 32),
  t('Malindi', 3), t('Watamu', 3), t('Mtwapa', 3), t('Mariakani', 3), t('Ukunda', 2), t('Diani', 2), t('Voi', 6), t('Taveta', 6),
  t('Nanyuki', 31), t('Nyahururu', 31), t('Eldama Ravine', 30), t('Karatina', 19), t('Chuka', 13), t('Mwingi', 15), t('Emali', 17),
  t('Webuye', 39), t('Mumias', 37), t('Malaba', 40), t('Bondo', 41), t('Ahero', 42), t('Awendo', 44), t('Rongo', 44), t('Mbita', 43),
  t('Kilgoris', 33), t('Litein', 35), t('Moyale', 10), t('Kakuma', 23), t('Dadaab', 7),
  // Estates and areas of Nairobi, Mombasa and Kisumu.
  t('Kibera', 47), t('Kibra', 47), t('Embakasi', 47), t('Kasarani', 47), t('Kayole', 47), t('Mathare', 47), t('Eastleigh', 47),
  t('Westlands', 47), t("Lang'ata", 47), t('Dagoretti', 47), t('Kawangware', 47), t('Dandora', 47), t('Mukuru', 47),
  t('Kariobangi', 47), t('Kangemi', 47), t('Umoja', 47), t('Korogocho', 47), t('Likoni', 1), t('Kisauni', 1), t('Nyali', 1), t('Changamwe', 1),
  t('Bamburi', 1), t('Kondele', 42), t('Nyalenda', 42), t('Obunga', 42),
  // Towns and trading centres people name that are no county seat, census centre, constituency or
  // ward by that name (those are known already, src/domain/electoral-units.ts), by county code.
  // Added after "Mai Mahiu", typed where the county was asked, was "I do not know that county".
  t('Mai Mahiu', 32), t('Salgaa', 32), t('Lanet', 32), t('Kikopey', 32), t('Namanga', 34), t('Loitokitok', 34), t('Isinya', 34),
  t('Sultan Hamud', 17), t('Kibwezi', 17), t('Kenol', 21), t('Kutus', 20), t("Wang'uru", 20), t('Kagio', 20), t('Naro Moru', 19),
  t('Nkubu', 12), t('Siakago', 14), t('Ishiara', 14), t('Kiritiri', 14), t('Njabini', 18), t('Merti', 11), t('Baragoi', 25),
  t('Archers Post', 25), t('Wamba', 25), t('Elwak', 9), t('Habaswein', 8),
  t('Gede', 3), t('Vipingo', 3), t('Kikambala', 3), t('Mpeketoni', 5), t('Mokowe', 5), t('Shimoni', 2), t('Magongo', 1), t('Bombolulu', 1),
  // Mombasa's bus terminus and market area: was "I do not know that county", "tayari" read as "done".
  t('Mwembe Tayari', 1),
  t('Ortum', 24), t('Burnt Forest', 27), t('Mosoriot', 29), t('Doldol', 31), t('Sekenani', 33), t('Talek', 33), t('Sosiot', 35),
  t('Silibwet', 36), t('Ndanai', 36), t('Khayega', 37), t('Kaimosi', 38), t('Chwele', 39), t('Malakisi', 39), t('Kapsokwony', 39),
  t('Lwakhakha', 39), t('Port Victoria', 40), t('Bumala', 40), t('Yala', 41), t('Usenge', 41), t('Kombewa', 42), t('Katito', 42),
  t('Awasi', 42), t('Mamboleo', 42), t('Nyamasaria', 42), t('Otonglo', 42), t('Kendu Bay', 43), t('Oyugis', 43), t('Rodi Kopany', 43),
  t('Isebania', 44), t('Kehancha', 44), t('Muhuru Bay', 44), t('Macalder', 44), t('Ogembo', 45), t('Suneka', 45), t('Nyamache', 45),
  t('Kenyenya', 45), t('Daraja Mbili', 45),
  t('Buruburu', 47), t('Donholm', 47), t('Kariokor', 47), t('Gikomba', 47), t('Muthaiga', 47), t('South B', 47), t('Lavington', 47),
  t('Upper Hill', 47), t('Parklands', 47), t('Gigiri', 47), t('Runda', 47),
  t('Wangige', 22), t('Tigoni', 22), t('Kimende', 22), t('Gachie', 22), t('Banana Hill', 22),
  // Names in two counties, both offered: Githurai 44 in Nairobi and Githurai 45 in Kiambu (Ruiru);
  // Manyatta, an estate of Kisumu and a constituency of Embu.
  t('Githurai', 47, 22), t('Manyatta', 42, 14),
];
