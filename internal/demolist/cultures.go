package demolist

import "lookout/internal/bundle"

// cultures weighs the naming cultures of the demo list, shaped like a
// Mexican national lookout list: many Mexican, Central American and other
// Latin American people, then the nationalities a border sees most among
// listed travellers. Categories per culture: terrorist, warrant, deported,
// document-fraud, sanctions.
var cultures = []culture{
	{name: "mexican", w: 200, femalePct: 17, cats: [5]int{1, 45, 40, 10, 4}, build: hispanicBuilder(mexSurnames), countries: []country{
		{code: "MEX", name: "Mexico", w: 1, cities: []string{"Ciudad de México", "Guadalajara, Jalisco", "Culiacán, Sinaloa", "Tijuana, Baja California", "Ciudad Juárez, Chihuahua", "Monterrey, Nuevo León", "Puebla, Puebla", "Morelia, Michoacán", "Acapulco, Guerrero", "Oaxaca de Juárez, Oaxaca", "León, Guanajuato", "Mexicali, Baja California", "Hermosillo, Sonora", "Reynosa, Tamaulipas", "Nuevo Laredo, Tamaulipas", "Matamoros, Tamaulipas", "Apatzingán, Michoacán", "Badiraguato, Sinaloa", "Chilpancingo, Guerrero", "Veracruz, Veracruz", "Mérida, Yucatán", "Cancún, Quintana Roo", "Toluca, Estado de México", "Ecatepec, Estado de México", "San Luis Potosí", "Zacatecas, Zacatecas", "Durango, Durango", "Tapachula, Chiapas", "Uruapan, Michoacán", "Celaya, Guanajuato"}},
	}},
	{name: "central-american", w: 110, femalePct: 20, cats: [5]int{1, 35, 52, 10, 2}, build: hispanicBuilder(camSurnames), countries: []country{
		{code: "GTM", name: "Guatemala", w: 40, cities: []string{"Ciudad de Guatemala", "Quetzaltenango", "Huehuetenango", "Cobán, Alta Verapaz", "Escuintla", "San Marcos", "Chiquimula", "Mixco", "Totonicapán", "Sololá"}},
		{code: "HND", name: "Honduras", w: 30, cities: []string{"San Pedro Sula", "Tegucigalpa", "La Ceiba", "Choloma", "El Progreso", "Comayagua", "Olanchito"}},
		{code: "SLV", name: "El Salvador", w: 25, cities: []string{"San Salvador", "Santa Ana", "San Miguel", "Soyapango", "Usulután", "La Libertad"}},
		{code: "NIC", name: "Nicaragua", w: 8, cities: []string{"Managua", "León", "Masaya", "Chinandega", "Matagalpa"}},
	}},
	{name: "colombian", w: 55, femalePct: 22, cats: [5]int{2, 45, 25, 20, 8}, build: hispanicBuilder(colSurnames), countries: []country{
		{code: "COL", name: "Colombia", w: 1, cities: []string{"Bogotá D.C.", "Medellín, Antioquia", "Cali, Valle del Cauca", "Barranquilla, Atlántico", "Cartagena de Indias, Bolívar", "Cúcuta, Norte de Santander", "Pereira, Risaralda", "Bucaramanga, Santander", "Santa Marta, Magdalena", "Buenaventura, Valle del Cauca", "Envigado, Antioquia", "Tumaco, Nariño", "Villavicencio, Meta", "Manizales, Caldas"}},
	}},
	{name: "latin-american", w: 55, femalePct: 22, cats: [5]int{1, 40, 30, 22, 7}, build: hispanicBuilder(latamSurnames), countries: []country{
		{code: "VEN", name: "Venezuela", w: 30, cities: []string{"Caracas", "Maracaibo", "Valencia", "Barquisimeto", "Maracay", "Ciudad Guayana", "San Cristóbal"}},
		{code: "CUB", name: "Cuba", w: 18, cities: []string{"La Habana", "Santiago de Cuba", "Camagüey", "Holguín", "Santa Clara", "Matanzas"}},
		{code: "DOM", name: "Dominican Republic", w: 12, cities: []string{"Santo Domingo", "Santiago de los Caballeros", "San Pedro de Macorís", "La Romana"}},
		{code: "PER", name: "Peru", w: 12, cities: []string{"Lima", "Arequipa", "Trujillo", "Chiclayo", "Cusco", "Iquitos"}},
		{code: "ECU", name: "Ecuador", w: 12, cities: []string{"Guayaquil", "Quito", "Cuenca", "Machala", "Esmeraldas"}},
		{code: "ARG", name: "Argentina", w: 10, cities: []string{"Buenos Aires", "Córdoba", "Rosario", "Mendoza", "La Plata", "Mar del Plata"}},
	}},
	{name: "spanish", w: 25, femalePct: 20, cats: [5]int{3, 50, 15, 22, 10}, build: hispanicBuilder(espSurnames), countries: []country{
		{code: "ESP", name: "Spain", w: 1, cities: []string{"Madrid", "Barcelona", "Sevilla", "Valencia", "Málaga", "Bilbao", "Zaragoza", "A Coruña", "Ceuta", "Melilla", "Algeciras", "Palma de Mallorca", "Las Palmas de Gran Canaria", "San Sebastián"}},
	}},
	{name: "arabic", w: 95, femalePct: 8, cats: [5]int{30, 15, 20, 15, 20}, build: buildArabic, countries: []country{
		{code: "SYR", name: "Syria", w: 16, cities: []string{"Damascus", "Aleppo", "Homs", "Idlib", "Deir ez-Zor", "Raqqa", "Hama", "Latakia", "Daraa"}},
		{code: "IRQ", name: "Iraq", w: 14, cities: []string{"Baghdad", "Mosul", "Basra", "Tikrit", "Fallujah", "Ramadi", "Kirkuk", "Samarra", "Erbil", "Najaf"}},
		{code: "SAU", name: "Saudi Arabia", w: 12, cities: []string{"Riyadh", "Jeddah", "Mecca", "Medina", "Dammam", "Buraydah", "Abha", "Taif"}},
		{code: "YEM", name: "Yemen", w: 9, cities: []string{"Sana'a", "Aden", "Taiz", "Mukalla", "Hodeidah", "Marib"}},
		{code: "EGY", name: "Egypt", w: 12, cities: []string{"Cairo", "Alexandria", "Giza", "Asyut", "Mansoura", "Port Said", "Zagazig", "Tanta"}},
		{code: "JOR", name: "Jordan", w: 6, cities: []string{"Amman", "Zarqa", "Irbid", "Salt", "Ma'an"}},
		{code: "LBN", name: "Lebanon", w: 6, cities: []string{"Beirut", "Tripoli", "Sidon", "Tyre", "Baalbek"}},
		{code: "PSE", name: "Palestine", w: 4, cities: []string{"Gaza", "Hebron", "Nablus", "Jenin", "Ramallah"}},
		{code: "MAR", name: "Morocco", w: 9, cities: []string{"Casablanca", "Tangier", "Tétouan", "Fès", "Marrakech", "Rabat", "Oujda", "Nador"}},
		{code: "DZA", name: "Algeria", w: 7, cities: []string{"Algiers", "Oran", "Constantine", "Annaba", "Blida", "Sétif"}},
		{code: "TUN", name: "Tunisia", w: 6, cities: []string{"Tunis", "Sfax", "Sousse", "Ben Guerdane", "Kairouan", "Bizerte"}},
		{code: "LBY", name: "Libya", w: 4, cities: []string{"Tripoli", "Benghazi", "Misrata", "Derna", "Sirte"}},
		{code: "SDN", name: "Sudan", w: 4, cities: []string{"Khartoum", "Omdurman", "Port Sudan", "Kassala"}},
		{code: "KWT", name: "Kuwait", w: 2, cities: []string{"Kuwait City", "Al Jahra"}},
		{code: "ARE", name: "United Arab Emirates", w: 2, cities: []string{"Dubai", "Abu Dhabi", "Sharjah"}},
		{code: "QAT", name: "Qatar", w: 1, cities: []string{"Doha", "Al Rayyan"}},
	}},
	{name: "slavic", w: 55, femalePct: 18, cats: [5]int{4, 35, 10, 16, 35}, build: buildSlavic, countries: []country{
		{code: "RUS", name: "Russia", w: 60, cities: []string{"Moscow", "Saint Petersburg", "Novosibirsk", "Yekaterinburg", "Kazan", "Nizhny Novgorod", "Chelyabinsk", "Samara", "Rostov-on-Don", "Krasnodar", "Grozny", "Makhachkala", "Vladivostok", "Omsk", "Ufa", "Perm", "Volgograd", "Nalchik"}},
		{code: "UKR", name: "Ukraine", w: 35, cities: []string{"Kyiv", "Kharkiv", "Odesa", "Dnipro", "Lviv", "Donetsk", "Zaporizhzhia", "Luhansk", "Mykolaiv", "Mariupol", "Vinnytsia"}},
		{code: "BLR", name: "Belarus", w: 5, cities: []string{"Minsk", "Gomel", "Brest", "Grodno"}},
		{code: "KAZ", name: "Kazakhstan", w: 5, cities: []string{"Almaty", "Astana", "Karaganda", "Shymkent"}},
	}},
	{name: "chinese", w: 45, femalePct: 25, cats: [5]int{1, 25, 25, 30, 19}, build: buildChinese, countries: []country{
		{code: "CHN", name: "China", w: 85, cities: []string{"Beijing", "Shanghai", "Guangzhou", "Shenzhen", "Fuzhou, Fujian", "Wenzhou, Zhejiang", "Chongqing", "Chengdu, Sichuan", "Harbin, Heilongjiang", "Shenyang, Liaoning", "Xiamen, Fujian", "Changle, Fujian", "Wuhan, Hubei", "Tianjin", "Kunming, Yunnan", "Urumqi, Xinjiang"}},
		{code: "HKG", name: "Hong Kong", w: 8, cities: []string{"Hong Kong", "Kowloon"}},
		{code: "TWN", name: "Taiwan", w: 7, cities: []string{"Taipei", "Kaohsiung", "Taichung", "Tainan"}},
	}},
	{name: "english", w: 70, femalePct: 20, cats: [5]int{2, 50, 25, 13, 10}, build: buildEnglish, countries: []country{
		{code: "USA", name: "United States", w: 55, cities: []string{"New York, New York", "Los Angeles, California", "Chicago, Illinois", "Houston, Texas", "Phoenix, Arizona", "San Antonio, Texas", "San Diego, California", "Dallas, Texas", "El Paso, Texas", "Miami, Florida", "Detroit, Michigan", "Atlanta, Georgia", "Denver, Colorado", "Seattle, Washington", "Baltimore, Maryland"}},
		{code: "GBR", name: "United Kingdom", w: 20, cities: []string{"London", "Birmingham", "Manchester", "Glasgow", "Liverpool", "Leeds", "Belfast", "Bristol", "Cardiff", "Edinburgh"}},
		{code: "CAN", name: "Canada", w: 12, cities: []string{"Toronto, Ontario", "Montréal, Québec", "Vancouver, British Columbia", "Calgary, Alberta", "Ottawa, Ontario", "Winnipeg, Manitoba"}},
		{code: "AUS", name: "Australia", w: 5, cities: []string{"Sydney", "Melbourne", "Brisbane", "Perth"}},
		{code: "IRL", name: "Ireland", w: 4, cities: []string{"Dublin", "Cork", "Limerick", "Galway"}},
		{code: "JAM", name: "Jamaica", w: 4, cities: []string{"Kingston", "Montego Bay", "Spanish Town"}},
	}},
	{name: "french", w: 28, femalePct: 20, cats: [5]int{8, 42, 15, 20, 15}, build: buildFrench, countries: []country{
		{code: "FRA", name: "France", w: 70, cities: []string{"Paris", "Marseille", "Lyon", "Toulouse", "Nice", "Nantes", "Strasbourg", "Montpellier", "Bordeaux", "Lille", "Rennes", "Saint-Denis", "Grenoble", "Perpignan", "Ajaccio", "Bastia"}},
		{code: "BEL", name: "Belgium", w: 15, cities: []string{"Bruxelles", "Liège", "Charleroi", "Namur", "Molenbeek-Saint-Jean"}},
		{code: "CHE", name: "Switzerland", w: 8, cities: []string{"Genève", "Lausanne", "Neuchâtel", "Fribourg"}},
		{code: "CAN", name: "Canada", w: 7, cities: []string{"Montréal, Québec", "Québec, Québec", "Laval, Québec", "Gatineau, Québec"}},
	}},
	{name: "german", w: 22, femalePct: 20, cats: [5]int{6, 45, 12, 22, 15}, build: buildGerman, countries: []country{
		{code: "DEU", name: "Germany", w: 80, cities: []string{"Berlin", "Hamburg", "München", "Köln", "Frankfurt am Main", "Stuttgart", "Düsseldorf", "Leipzig", "Dortmund", "Essen", "Bremen", "Dresden", "Hannover", "Nürnberg", "Duisburg", "Bochum"}},
		{code: "AUT", name: "Austria", w: 12, cities: []string{"Wien", "Graz", "Linz", "Salzburg", "Innsbruck"}},
		{code: "CHE", name: "Switzerland", w: 8, cities: []string{"Zürich", "Basel", "Bern", "Luzern", "St. Gallen"}},
	}},
	{name: "turkish", w: 25, femalePct: 15, cats: [5]int{15, 30, 25, 20, 10}, turkish: true, build: buildTurkish, countries: []country{
		{code: "TUR", name: "Turkey", w: 1, cities: []string{"İstanbul", "Ankara", "İzmir", "Bursa", "Adana", "Gaziantep", "Konya", "Diyarbakır", "Şanlıurfa", "Mardin", "Van", "Trabzon", "Kahramanmaraş", "Hakkâri", "Mersin"}},
	}},
	{name: "persian", w: 25, femalePct: 14, cats: [5]int{25, 10, 25, 15, 25}, build: buildPersian, countries: []country{
		{code: "IRN", name: "Iran", w: 55, cities: []string{"Tehran", "Mashhad", "Isfahan", "Tabriz", "Shiraz", "Ahvaz", "Qom", "Kermanshah", "Zahedan", "Rasht", "Karaj"}},
		{code: "AFG", name: "Afghanistan", w: 45, cities: []string{"Kabul", "Kandahar", "Herat", "Mazar-i-Sharif", "Jalalabad", "Kunduz", "Ghazni", "Khost", "Lashkar Gah"}},
	}},
	{name: "west-african", w: 25, femalePct: 22, cats: [5]int{6, 30, 24, 35, 5}, build: buildNigerian, countries: []country{
		{code: "NGA", name: "Nigeria", w: 80, cities: []string{"Lagos", "Abuja", "Kano", "Ibadan", "Port Harcourt", "Benin City", "Enugu", "Kaduna", "Onitsha", "Owerri", "Maiduguri", "Warri", "Aba"}},
		{code: "GHA", name: "Ghana", w: 20, cities: []string{"Accra", "Kumasi", "Tamale", "Takoradi", "Tema"}},
	}},
	{name: "vietnamese", w: 14, femalePct: 30, cats: [5]int{1, 30, 35, 30, 4}, build: buildVietnamese, countries: []country{
		{code: "VNM", name: "Viet Nam", w: 1, cities: []string{"Hà Nội", "Thành phố Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Nghệ An", "Hà Tĩnh", "Cần Thơ", "Huế", "Quảng Bình"}},
	}},
	{name: "portuguese", w: 25, femalePct: 22, cats: [5]int{1, 45, 27, 20, 7}, build: buildPortuguese, countries: []country{
		{code: "BRA", name: "Brazil", w: 75, cities: []string{"São Paulo", "Rio de Janeiro", "Belo Horizonte", "Salvador", "Fortaleza", "Recife", "Manaus", "Curitiba", "Porto Alegre", "Foz do Iguaçu", "Goiânia", "Belém", "Campo Grande"}},
		{code: "PRT", name: "Portugal", w: 20, cities: []string{"Lisboa", "Porto", "Braga", "Coimbra", "Setúbal", "Faro", "Amadora"}},
		{code: "AGO", name: "Angola", w: 5, cities: []string{"Luanda", "Huambo", "Benguela", "Lobito"}},
	}},
	{name: "south-asian", w: 30, femalePct: 15, cats: [5]int{18, 25, 25, 22, 10}, build: buildSouthAsian, countries: []country{
		{code: "IND", name: "India", w: 50, cities: []string{"New Delhi", "Mumbai", "Kolkata", "Chennai", "Amritsar, Punjab", "Ludhiana, Punjab", "Hyderabad", "Ahmedabad, Gujarat", "Jalandhar, Punjab", "Bengaluru", "Kochi, Kerala"}},
		{code: "PAK", name: "Pakistan", w: 35, cities: []string{"Karachi", "Lahore", "Peshawar", "Rawalpindi", "Quetta", "Faisalabad", "Multan", "Mirpur, Azad Kashmir"}},
		{code: "BGD", name: "Bangladesh", w: 15, cities: []string{"Dhaka", "Sylhet", "Chittagong", "Khulna", "Rajshahi"}},
	}},
	{name: "korean", w: 14, femalePct: 20, cats: [5]int{1, 25, 20, 20, 34}, build: buildKorean, countries: []country{
		{code: "KOR", name: "Republic of Korea", w: 55, cities: []string{"Seoul", "Busan", "Incheon", "Daegu", "Gwangju", "Daejeon", "Ulsan"}},
		{code: "PRK", name: "Democratic People's Republic of Korea", w: 45, cities: []string{"Pyongyang", "Hamhung", "Chongjin", "Nampo", "Sinuiju", "Wonsan", "Kaesong"}},
	}},
	{name: "somali", w: 10, femalePct: 12, cats: [5]int{35, 10, 35, 15, 5}, build: buildSomali, countries: []country{
		{code: "SOM", name: "Somalia", w: 1, cities: []string{"Mogadishu", "Kismayo", "Baidoa", "Hargeisa", "Bosaso", "Beledweyne", "Galkayo", "Marka"}},
	}},
	{name: "filipino", w: 12, femalePct: 35, cats: [5]int{8, 35, 30, 22, 5}, build: buildFilipino, countries: []country{
		{code: "PHL", name: "Philippines", w: 1, cities: []string{"Manila", "Quezon City", "Cebu City", "Davao City", "Zamboanga City", "Cotabato City", "Jolo, Sulu", "Iloilo City"}},
	}},
}

// fixedPeople are deliberately awkward names, placed at fixed ids so tests
// can find them: names longer than the MRZ's 39 characters, apostrophes,
// mononyms, stacked diacritics, Turkish İ, Icelandic Þ and Ð, comma-below
// Romanian letters, Dutch and Irish particles, a name written only in
// Cyrillic on the source list, extra spaces around the comma.
var fixedPeople = []bundle.Entry{
	fixed("AL-HADRAMI, Abd al-Rahman bin Muhammad bin Abdallah bin Sulayman", "M", "1971", "YEM", bundle.CatTerrorist, "Sana'a, Yemen", "ABU ABDALLAH AL-HADRAMI", "weak:ABU ABDALLAH AL-YAMANI"),
	fixed("MARÍA DE LOS ÁNGELES, DE LA CRUZ Y SANTÍSIMA TRINIDAD", "F", "1984-03-17", "MEX", bundle.CatDeported, "Oaxaca de Juárez, Oaxaca, Mexico"),
	fixed("O'SULLIVAN-FITZGERALD, Siobhán Máire", "F", "1979-11-02", "IRL", bundle.CatWarrant, "Cork, Ireland", "O SULLIVAN FITZGERALD, Siobhan"),
	fixed("SUPRIYADI", "M", "1968", "IDN", bundle.CatTerrorist, "Surakarta, Indonesia"),
	fixed("NGUYỄN THỊ, Ngọc Ánh", "F", "1990-07-04", "VNM", bundle.CatDocumentFraud, "Hà Nội, Viet Nam", "NGUYEN, Thi Ngoc Anh"),
	fixed("ÖZTÜRK-ŞAHİN, İsmail Ağa", "M", "1975-01-30", "TUR", bundle.CatWarrant, "Diyarbakır, Turkey", "OEZTUERK SAHIN, Ismail", "OZTURK SAHIN, ISMAIL AGA"),
	fixed("GUÐMUNDSDÓTTIR, Þóra Björk", "F", "1986-05-21", "ISL", bundle.CatSanctions, "Reykjavík, Iceland"),
	fixed("ȘTEFĂNESCU, Ionuț-Cătălin", "M", "1982-09-09", "ROU", bundle.CatDocumentFraud, "Constanța, Romania", "STEFANESCU, Ionut Catalin", "ŞTEFĂNESCU, Ionuţ"),
	fixed("VAN 'T HOF, Johannes Cornelis", "M", "1966-02-28", "NLD", bundle.CatWarrant, "Rotterdam, Netherlands", "VANTHOF, Johannes", "VAN T HOF, Jan"),
	fixed("DVOŘÁK, Jiří", "M", "1977-12-31", "CZE", bundle.CatWarrant, "Brno, Czechia", "DVORAK, Jiri"),
	fixed("ŁUKASZEWSKI, Paweł Grzegorz", "M", "1989-08-15", "POL", bundle.CatDocumentFraud, "Łódź, Poland", "LUKASZEWSKI, Pawel"),
	fixed("ØSTERGÅRD, Søren Æbeltoft", "M", "1973-04-01", "DNK", bundle.CatSanctions, "Aarhus, Denmark", "OESTERGAARD, Soeren"),
	fixed("СОЛОВЬЁВ, Юрий Вячеславович", "M", "1970-10-10", "RUS", bundle.CatSanctions, "Moscow, Russia", "SOLOVYEV, Yuriy Vyacheslavovich", "SOLOVEV, IURII"),
	fixed("  GARCÍA  LÓPEZ ,  Juan   Carlos ", "M", "1980-01-01", "MEX", bundle.CatWarrant, "Culiacán, Sinaloa, Mexico"),
	fixed("MAC AN TSAOIR, Seán Ó", "M", "1958", "IRL", bundle.CatWarrant, "Galway, Ireland", "MCINTYRE, Sean"),
	fixed("D'ALESSANDRO, Gian Luca", "M", "1981-06-06", "ITA", bundle.CatWarrant, "Napoli, Italy", "DALESSANDRO, Gianluca", "weak:O' PAZZO"),
	fixed("WOLFESCHLEGELSTEINHAUSENBERGERDORFF, Hubert Blaine", "M", "1964-02-29", "DEU", bundle.CatDocumentFraud, "Hamburg, Germany"),
	fixed("STRAßENBAHN-GRÖßER, Jürgen", "M", "1969-07-20", "DEU", bundle.CatWarrant, "Köln, Germany", "STRASSENBAHN-GROESSER, Juergen"),
	fixed("AL-ZAHRAWI, Ayman Muhammad Rabi", "M", "~1951", "EGY", bundle.CatTerrorist, "Giza, Egypt", "AL ZAHRAWI, Ayman", "ALZAHRAWI, Aiman", "ZAHRAWI, Aymen", "weak:THE DOCTOR"),
	fixed("LI, Na", "F", "1993", "CHN", bundle.CatDocumentFraud, "Wenzhou, Zhejiang, China"),
	fixed("X, Ali", "M", "1990..1992", "SOM", bundle.CatTerrorist, "Mogadishu, Somalia", "weak:ALI X"),
	fixed("BIN QUTAYBA, Hamza", "M", "1989", "SAU", bundle.CatTerrorist, "Jeddah, Saudi Arabia", "IBN QUTAIBA, Hamzah", "weak:ABU MUAZ"),
}

// fixedIDs places the fixed people at ids that any list of 1,000 or more
// people contains.
func fixedIDs(j int) int { return 7 + 41*j }

func fixedPerson(i int) (bundle.Entry, bool) {
	if i < 7 || (i-7)%41 != 0 || (i-7)/41 >= len(fixedPeople) {
		return bundle.Entry{}, false
	}
	e := fixedPeople[(i-7)/41]
	e.ID = ID(i)
	return e, true
}

// FixedIDs returns the ids of the deliberately awkward names.
func FixedIDs() []string {
	out := make([]string, len(fixedPeople))
	for j := range fixedPeople {
		out[j] = ID(fixedIDs(j))
	}
	return out
}

func fixed(name, sex, dob, nat, cat, pob string, aliases ...string) bundle.Entry {
	e := bundle.Entry{Category: cat, Sex: sex, Nationalities: []string{nat}, POBs: []string{pob}, Type: "individual", Program: program(cat)}
	e.Names = append(e.Names, parseName(name, bundle.NamePrimary))
	for _, a := range aliases {
		kind := bundle.NameStrong
		if rest, ok := cutKind(a, "weak:"); ok {
			a, kind = rest, bundle.NameWeak
		} else if rest, ok := cutKind(a, "former:"); ok {
			a, kind = rest, bundle.NameFormer
		}
		e.Names = append(e.Names, parseName(a, kind))
	}
	e.DOBs = []bundle.DateSpec{parseDOB(dob)}
	e.Action = actions[cat][0]
	e.Remarks = "Awkward-name fixture of the demo list."
	return e
}
