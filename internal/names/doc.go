// Package names normalises personal names for watchlist matching.
//
// Names reach the matcher from three places: the machine-readable zone of a
// travel document (upper-case A–Z, surname first, '<' as separator,
// transliterated by ICAO Doc 9303 Part 3 and truncated to fit), the visual
// zone typed by an officer (accents, any order, any script), and the lists
// themselves (each with its own romanisation conventions). Everything here
// maps those forms onto one comparable alphabet and gives keys under which
// spellings of the same name meet:
//
//   - [Tokenize] and [Normalize]: Doc 9303 §6 transliteration (Latin
//     diacritics, Cyrillic with language exceptions; Arabic script by a
//     consonantal reading; Greek by ELOT 743), punctuation, titles,
//     particles, and the Arabic "Abd al-" compounds. [ICAO] is the strict
//     §6 transliteration, as an issuing State would print it.
//   - [SpellKey]: equal for romanisations of one name (MOHAMED, MUHAMMAD;
//     HUSSEIN, HUSAYN; IURII, YURIY; ALEXEI, ALEKSEY).
//   - [PhoneticKey]: a coarser sound key across Hispanic, Arabic, Russian,
//     Chinese, English and French spellings.
//   - [StripParticle]: AL-ZAWAHIRI, ALZAWAHIRI and ZAWAHIRI meet.
//   - [EditDistance] and [JaroWinkler]: bounded string distances.
//
// The package holds only constant tables; every function is safe for
// concurrent use.
package names
