package countries

import "strings"

// demonymText lists demonyms (English; Spanish masculine and feminine,
// singular and plural where they differ from the country) and everyday
// names that neither iso-codes nor CLDR give. One country per line:
// "CODE: name; name; …". Kept as text so it reads like a list.
const demonymText = `
AFG: Afghan; afgano; afgana
ALB: Albanian; albanés; albanesa
DZA: Algerian; argelino; argelina
AND: Andorran; andorrano; andorrana
AGO: Angolan; angoleño; angoleña
ARG: Argentine; Argentinian; argentino; argentina; argentinos
ARM: Armenian; armenio; armenia
AUS: Australian; australiano; australiana
AUT: Austrian; austriaco; austriaca; austríaco; austríaca
AZE: Azerbaijani; azerbaiyano; azerbaiyana
BHS: Bahamian; bahameño; bahameña; The Bahamas
BHR: Bahraini; bareiní
BGD: Bangladeshi; bangladesí
BRB: Barbadian; Bajan; barbadense
BLR: Belarusian; bielorruso; bielorrusa
BEL: Belgian; belga
BLZ: Belizean; beliceño; beliceña
BEN: Beninese; beninés; beninesa
BTN: Bhutanese; butanés; butanesa
BOL: Bolivian; boliviano; boliviana; bolivianos
BIH: Bosnian; bosnio; bosnia; Bosnia
BWA: Botswanan; Motswana; botsuano; botsuana
BRA: Brazilian; brasileño; brasileña; brasileños
BRN: Bruneian; bruneano; bruneana
BGR: Bulgarian; búlgaro; búlgara
BFA: Burkinabe; burkinés; burkinesa
BDI: Burundian; burundés; burundesa
KHM: Cambodian; camboyano; camboyana
CMR: Cameroonian; camerunés; camerunesa
CAN: Canadian; canadiense; canadienses
CPV: Cape Verdean; caboverdiano; caboverdiana
CAF: Central African; centroafricano; centroafricana
TCD: Chadian; chadiano; chadiana
CHL: Chilean; chileno; chilena; chilenos
CHN: Chinese; chino; china; chinos; PRC
COL: Colombian; colombiano; colombiana; colombianos
COM: Comorian; comorense
COG: Republic of the Congo; Congo-Brazzaville
COD: DR Congo; DRC; Congo-Kinshasa; Democratic Republic of the Congo
CRI: Costa Rican; costarricense; costarricenses
CIV: Ivorian; marfileño; marfileña; Ivory Coast
HRV: Croatian; croata
CUB: Cuban; cubano; cubana; cubanos
CYP: Cypriot; chipriota
CZE: Czech; checo; checa; Czech Republic; Czechia
DNK: Danish; Dane; danés; danesa
DJI: Djiboutian; yibutiano; yibutiana
DMA: Dominican (Dominica); dominiqués; dominiquesa
DOM: Dominican; dominicano; dominicana; dominicanos; Dominican Republic
ECU: Ecuadorian; ecuatoriano; ecuatoriana; ecuatorianos
EGY: Egyptian; egipcio; egipcia
SLV: Salvadoran; salvadoreño; salvadoreña; salvadoreños
GNQ: Equatorial Guinean; Equatoguinean; ecuatoguineano; ecuatoguineana
ERI: Eritrean; eritreo; eritrea
EST: Estonian; estonio; estonia
SWZ: Swazi; suazi; Swaziland
ETH: Ethiopian; etíope
FJI: Fijian; fiyiano; fiyiana
FIN: Finnish; Finn; finlandés; finlandesa
FRA: French; francés; francesa; franceses
GAB: Gabonese; gabonés; gabonesa
GMB: Gambian; gambiano; gambiana; The Gambia
GEO: Georgian; georgiano; georgiana
DEU: German; alemán; alemana; alemanes
GHA: Ghanaian; ghanés; ghanesa
GRC: Greek; griego; griega
GRD: Grenadian; granadino; granadina
GTM: Guatemalan; guatemalteco; guatemalteca; guatemaltecos
GIN: Guinean; guineano; guineana
GNB: Bissau-Guinean; guineano de Guinea-Bisáu
GUY: Guyanese; guyanés; guyanesa
HTI: Haitian; haitiano; haitiana; haitianos
HND: Honduran; hondureño; hondureña; hondureños
HKG: Hong Konger
HUN: Hungarian; húngaro; húngara
ISL: Icelandic; Icelander; islandés; islandesa
IND: Indian; indio; india; hindú
IDN: Indonesian; indonesio; indonesia
IRN: Iranian; iraní; Persia
IRQ: Iraqi; iraquí
IRL: Irish; irlandés; irlandesa
ISR: Israeli; israelí
ITA: Italian; italiano; italiana; italianos
JAM: Jamaican; jamaicano; jamaicana; jamaiquino; jamaiquina
JPN: Japanese; japonés; japonesa
JOR: Jordanian; jordano; jordana
KAZ: Kazakh; Kazakhstani; kazajo; kazaja
KEN: Kenyan; keniano; keniana; keniata
PRK: North Korean; norcoreano; norcoreana; North Korea; Corea del Norte
KOR: South Korean; Korean; surcoreano; surcoreana; coreano; coreana; South Korea; Corea del Sur
RKS: Kosovar; Kosovan; kosovar
KWT: Kuwaiti; kuwaití
KGZ: Kyrgyz; Kirghiz; kirguís; kirguiso; kirguisa
LAO: Lao; Laotian; laosiano; laosiana
LVA: Latvian; letón; letona
LBN: Lebanese; libanés; libanesa
LSO: Basotho; Mosotho; lesotense
LBR: Liberian; liberiano; liberiana
LBY: Libyan; libio; libia
LIE: Liechtensteiner; liechtensteiniano; liechtensteiniana
LTU: Lithuanian; lituano; lituana
LUX: Luxembourgish; Luxembourger; luxemburgués; luxemburguesa
MDG: Malagasy; malgache
MWI: Malawian; malauí
MYS: Malaysian; malasio; malasia
MDV: Maldivian; maldivo; maldiva
MLI: Malian; maliense
MLT: Maltese; maltés; maltesa
MHL: Marshallese; marshalés; marshalesa
MRT: Mauritanian; mauritano; mauritana
MUS: Mauritian; mauriciano; mauriciana
MEX: Mexican; mexicano; mexicana; mexicanos; mexicanas; Estados Unidos Mexicanos; United Mexican States
FSM: Micronesian; micronesio; micronesia
MDA: Moldovan; moldavo; moldava
MCO: Monegasque; monegasco; monegasca
MNG: Mongolian; mongol; mongola
MNE: Montenegrin; montenegrino; montenegrina
MAR: Moroccan; marroquí
MOZ: Mozambican; mozambiqueño; mozambiqueña
MMR: Burmese; Myanmar; birmano; birmana; Burma
NAM: Namibian; namibio; namibia
NPL: Nepali; Nepalese; nepalí
NLD: Dutch; neerlandés; neerlandesa; holandés; holandesa; Holland; Holanda; The Netherlands
NZL: New Zealander; Kiwi; neozelandés; neozelandesa
NIC: Nicaraguan; nicaragüense; nicaragüenses
NER: Nigerien; nigerino; nigerina
NGA: Nigerian; nigeriano; nigeriana
MKD: Macedonian; macedonio; macedonia; North Macedonian; Macedonia
NOR: Norwegian; noruego; noruega
OMN: Omani; omaní
PAK: Pakistani; pakistaní
PLW: Palauan; palauano; palauana
PSE: Palestinian; palestino; palestina
PAN: Panamanian; panameño; panameña; panameños
PNG: Papua New Guinean; papú
PRY: Paraguayan; paraguayo; paraguaya; paraguayos
PER: Peruvian; peruano; peruana; peruanos
PHL: Filipino; Philippine; filipino; filipina; filipinos
POL: Polish; Pole; polaco; polaca
PRT: Portuguese; portugués; portuguesa
PRI: Puerto Rican; puertorriqueño; puertorriqueña; boricua
QAT: Qatari; catarí
ROU: Romanian; rumano; rumana; Rumania
RUS: Russian; ruso; rusa; rusos; Russia
RWA: Rwandan; ruandés; ruandesa
KNA: Kittitian; Nevisian; St Kitts and Nevis
LCA: Saint Lucian; santalucense; St Lucia
VCT: Vincentian; sanvicentino; St Vincent
WSM: Samoan; samoano; samoana
SMR: Sammarinese; sanmarinense
STP: Santomean; santotomense
SAU: Saudi; Saudi Arabian; saudí; saudita
SEN: Senegalese; senegalés; senegalesa
SRB: Serbian; Serb; serbio; serbia
SYC: Seychellois; seychellense
SLE: Sierra Leonean; sierraleonés; sierraleonesa
SGP: Singaporean; singapurense
SVK: Slovak; eslovaco; eslovaca
SVN: Slovenian; Slovene; esloveno; eslovena
SLB: Solomon Islander; salomonense
SOM: Somali; somalí
ZAF: South African; sudafricano; sudafricana
SSD: South Sudanese; sursudanés; sursudanesa
ESP: Spanish; Spaniard; español; española; españoles
LKA: Sri Lankan; ceilanés; ceilanesa; esrilanqués; Ceylon
SDN: Sudanese; sudanés; sudanesa
SUR: Surinamese; surinamés; surinamesa
SWE: Swedish; Swede; sueco; sueca
CHE: Swiss; suizo; suiza
SYR: Syrian; sirio; siria; Syria
TWN: Taiwanese; taiwanés; taiwanesa
TJK: Tajik; Tajikistani; tayiko; tayika
TZA: Tanzanian; tanzano; tanzana; Tanzania
THA: Thai; tailandés; tailandesa
TLS: Timorese; timorense; East Timor
TGO: Togolese; togolés; togolesa
TON: Tongan; tongano; tongana
TTO: Trinidadian; Tobagonian; trinitense
TUN: Tunisian; tunecino; tunecina
TUR: Turkish; Turk; turco; turca; Turkey; Turquía
TKM: Turkmen; turcomano; turcomana; turkmeno; turkmena
TUV: Tuvaluan; tuvaluano; tuvaluana
UGA: Ugandan; ugandés; ugandesa
UKR: Ukrainian; ucraniano; ucraniana
ARE: Emirati; emiratí; UAE; EAU
GBR: British; Briton; británico; británica; británicos; UK; Britain; Great Britain; England; English; Scotland; Scottish; Wales; Welsh; Northern Ireland; Gran Bretaña; Inglaterra; inglés; inglesa; Escocia; escocés; escocesa
USA: American; estadounidense; estadounidenses; norteamericano; norteamericana; US; U.S.; U.S.A.; United States of America; EEUU; EUA; Estados Unidos de América
URY: Uruguayan; uruguayo; uruguaya; uruguayos
UZB: Uzbek; Uzbekistani; uzbeko; uzbeka
VUT: Ni-Vanuatu; vanuatuense
VAT: Vatican; vaticano; vaticana; Vatican City; Holy See
VEN: Venezuelan; venezolano; venezolana; venezolanos
VNM: Vietnamese; vietnamita; Vietnam; Viet Nam
YEM: Yemeni; yemení
ZMB: Zambian; zambiano; zambiana
ZWE: Zimbabwean; zimbabuense
`

// extraNames is demonymText parsed once.
var extraNames = func() []alias {
	var out []alias
	for _, line := range strings.Split(demonymText, "\n") {
		code, names, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		for _, n := range strings.Split(names, ";") {
			if n = strings.TrimSpace(n); n != "" {
				out = append(out, alias{n, strings.TrimSpace(code)})
			}
		}
	}
	return out
}()
