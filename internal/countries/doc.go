// Package countries is Lookout's one table of the codes that can stand in
// the issuing-state and nationality fields of a machine readable zone:
// every current ISO 3166-1 alpha-3 code plus the ICAO Doc 9303 Part 3 §5
// additions (Germany's "D", the British nationality codes, EU, UN and other
// organisations, stateless and refugee codes, Kosovo's RKS), the specimen
// state UTO, withdrawn codes still printed on old documents, and a few codes
// seen on real documents but not in Doc 9303 (XXK, WSA).
//
// # Lookups
//
// [Lookup] answers "what is this MRZ code": it accepts the code with or
// without trailing fillers ("D<<", "D"). [Normalize] maps a code to the ISO
// alpha-3 code it stands for (D → DEU, GBN → GBR), so documents and lists
// that spell a country differently still join. [ByName] goes the other way
// for watch-list queries: English and Spanish names, common short forms and
// demonyms ("Mexico", "México", "mexicana", "United States", "American"),
// compared without case or accents.
//
// # Sources
//
// ISO English short names are those of Debian iso-codes 4.15.0
// (data/iso_3166-1.json, LGPL-2.1+); Spanish names, and the English, Spanish,
// Mexican and Latin American Spanish alias forms, come from Unicode CLDR 48.2
// (cldr-localenames-full, Unicode License v3). The Doc 9303 codes carry
// ICAO's own English wording (Doc 9303 Part 3, 8th edition, Amendments 1–2);
// their Spanish names are our translations. Tests compare the table with the
// project's reference compilation in ../shared/data/reference when present.
package countries
