package demolist

import "strings"

// Russian and Ukrainian names are kept in Cyrillic and romanised here, the
// way the lists receive them: BGN/PCGN-style for the list's primary name
// (SERGEY, YURIY, NATALYA), ICAO Doc 9303 (2013) as the passport prints it
// (SERGEI, IURII, NATALIA), the Ukrainian national system for Ukrainians
// (OLEKSANDR, HRYHORIY), German-style spellings from Schengen files (SERGEJ).

type romaniser int

const (
	romBGN romaniser = iota
	romICAO
	romUkrainian
	romGerman
)

var cyrBGN = map[rune]string{
	'А': "A", 'Б': "B", 'В': "V", 'Г': "G", 'Д': "D", 'Е': "E", 'Ё': "E", 'Ж': "ZH", 'З': "Z", 'И': "I",
	'Й': "Y", 'К': "K", 'Л': "L", 'М': "M", 'Н': "N", 'О': "O", 'П': "P", 'Р': "R", 'С': "S", 'Т': "T",
	'У': "U", 'Ф': "F", 'Х': "KH", 'Ц': "TS", 'Ч': "CH", 'Ш': "SH", 'Щ': "SHCH", 'Ъ': "", 'Ы': "Y", 'Ь': "",
	'Э': "E", 'Ю': "YU", 'Я': "YA", 'І': "I", 'Ї': "YI", 'Є': "YE", 'Ґ': "G",
}

var cyrICAO = map[rune]string{
	'А': "A", 'Б': "B", 'В': "V", 'Г': "G", 'Д': "D", 'Е': "E", 'Ё': "E", 'Ж': "ZH", 'З': "Z", 'И': "I",
	'Й': "I", 'К': "K", 'Л': "L", 'М': "M", 'Н': "N", 'О': "O", 'П': "P", 'Р': "R", 'С': "S", 'Т': "T",
	'У': "U", 'Ф': "F", 'Х': "KH", 'Ц': "TS", 'Ч': "CH", 'Ш': "SH", 'Щ': "SHCH", 'Ъ': "IE", 'Ы': "Y", 'Ь': "",
	'Э': "E", 'Ю': "IU", 'Я': "IA", 'І': "I", 'Ї': "I", 'Є': "IE", 'Ґ': "G",
}

var cyrUkr = map[rune]string{
	'А': "A", 'Б': "B", 'В': "V", 'Г': "H", 'Ґ': "G", 'Д': "D", 'Е': "E", 'Є': "IE", 'Ж': "ZH", 'З': "Z",
	'И': "Y", 'І': "I", 'Ї': "I", 'Й': "I", 'К': "K", 'Л': "L", 'М': "M", 'Н': "N", 'О': "O", 'П': "P",
	'Р': "R", 'С': "S", 'Т': "T", 'У': "U", 'Ф': "F", 'Х': "KH", 'Ц': "TS", 'Ч': "CH", 'Ш': "SH",
	'Щ': "SHCH", 'Ь': "", 'Ю': "IU", 'Я': "IA", '\'': "", '’': "",
}

var cyrGerman = map[rune]string{
	'А': "A", 'Б': "B", 'В': "W", 'Г': "G", 'Д': "D", 'Е': "E", 'Ё': "JO", 'Ж': "SCH", 'З': "S", 'И': "I",
	'Й': "J", 'К': "K", 'Л': "L", 'М': "M", 'Н': "N", 'О': "O", 'П': "P", 'Р': "R", 'С': "S", 'Т': "T",
	'У': "U", 'Ф': "F", 'Х': "CH", 'Ц': "Z", 'Ч': "TSCH", 'Ш': "SCH", 'Щ': "SCHTSCH", 'Ъ': "", 'Ы': "Y", 'Ь': "",
	'Э': "E", 'Ю': "JU", 'Я': "JA", 'І': "I", 'Ї': "JI", 'Є': "JE", 'Ґ': "G",
}

func isCyrVowel(r rune) bool { return strings.ContainsRune("АЕЁИОУЫЭЮЯІЇЄЬЪ", r) }

// romanise writes Cyrillic text in Latin capitals.
func romanise(s string, sys romaniser) string {
	s = strings.ToUpper(s)
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		initial := i == 0 || rs[i-1] == ' ' || rs[i-1] == '-'
		afterVowel := i > 0 && isCyrVowel(rs[i-1])
		switch sys {
		case romBGN:
			switch {
			case r == 'Е' && (initial || afterVowel):
				b.WriteString("YE")
				continue
			case r == 'Ё' && (initial || afterVowel):
				b.WriteString("YE")
				continue
			case r == 'Ь' && i+1 < len(rs) && (rs[i+1] == 'Е' || rs[i+1] == 'Ё'):
				// Наталья → NATALYA, Соловьёв → SOLOVYEV
				b.WriteString("")
				continue
			}
			if t, ok := cyrBGN[r]; ok {
				// After Ь the BGN vowels take a Y: ЬЕ → YE, ЬЯ → YA.
				if i > 0 && rs[i-1] == 'Ь' && (r == 'Е' || r == 'Ё') {
					b.WriteString("YE")
					continue
				}
				if i > 0 && rs[i-1] == 'Ь' && (r == 'И' || r == 'О') {
					b.WriteString("Y" + t)
					continue
				}
				b.WriteString(t)
				continue
			}
		case romICAO:
			if t, ok := cyrICAO[r]; ok {
				b.WriteString(t)
				continue
			}
		case romUkrainian:
			if initial {
				switch r {
				case 'Є':
					b.WriteString("YE")
					continue
				case 'Ї':
					b.WriteString("YI")
					continue
				case 'Й':
					b.WriteString("Y")
					continue
				case 'Ю':
					b.WriteString("YU")
					continue
				case 'Я':
					b.WriteString("YA")
					continue
				}
			}
			if r == 'Г' && i > 0 && rs[i-1] == 'З' {
				b.WriteString("GH") // Згурський → ZGHURSKYI
				continue
			}
			if t, ok := cyrUkr[r]; ok {
				b.WriteString(t)
				continue
			}
		case romGerman:
			if t, ok := cyrGerman[r]; ok {
				b.WriteString(t)
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// slavGiven is a given name with its patronymics and diminutive.
type slavGiven struct {
	name, patM, patF, dim string
	rus                   string // the Russian form of a Ukrainian name
}

func slavTable(t string) []slavGiven {
	var out []slavGiven
	for _, line := range strings.Split(t, "\n") {
		f := strings.Split(strings.TrimSpace(line), ",")
		if len(f) < 4 {
			continue
		}
		g := slavGiven{name: f[0], patM: f[1], patF: f[2], dim: f[3]}
		if len(f) > 4 {
			g.rus = f[4]
		}
		out = append(out, g)
	}
	return out
}

var rusMale = slavTable(`
Александр,Александрович,Александровна,Саша
Сергей,Сергеевич,Сергеевна,Серёжа
Дмитрий,Дмитриевич,Дмитриевна,Дима
Андрей,Андреевич,Андреевна,Андрюша
Алексей,Алексеевич,Алексеевна,Лёша
Максим,Максимович,Максимовна,Макс
Владимир,Владимирович,Владимировна,Вова
Иван,Иванович,Ивановна,Ваня
Михаил,Михайлович,Михайловна,Миша
Николай,Николаевич,Николаевна,Коля
Евгений,Евгеньевич,Евгеньевна,Женя
Артём,Артёмович,Артёмовна,Тёма
Денис,Денисович,Денисовна,Дэн
Павел,Павлович,Павловна,Паша
Роман,Романович,Романовна,Рома
Игорь,Игоревич,Игоревна,Гоша
Олег,Олегович,Олеговна,Олежка
Виктор,Викторович,Викторовна,Витя
Юрий,Юрьевич,Юрьевна,Юра
Анатолий,Анатольевич,Анатольевна,Толя
Василий,Васильевич,Васильевна,Вася
Константин,Константинович,Константиновна,Костя
Вячеслав,Вячеславович,Вячеславовна,Слава
Геннадий,Геннадьевич,Геннадьевна,Гена
Валерий,Валерьевич,Валерьевна,Валера
Георгий,Георгиевич,Георгиевна,Жора
Пётр,Петрович,Петровна,Петя
Григорий,Григорьевич,Григорьевна,Гриша
Илья,Ильич,Ильинична,Илюша
Тимур,Тимурович,Тимуровна,Тимка
Рамзан,Рамзанович,Рамзановна,Рамзик
Магомед,Магомедович,Магомедовна,Мага
Руслан,Русланович,Руслановна,Руся
`)

var rusFemale = slavTable(`
Елена,,,Лена
Ольга,,,Оля
Наталья,,,Наташа
Татьяна,,,Таня
Ирина,,,Ира
Светлана,,,Света
Юлия,,,Юля
Анна,,,Аня
Марина,,,Маша
Екатерина,,,Катя
Мария,,,Маша
Людмила,,,Люда
Галина,,,Галя
Ксения,,,Ксюша
Дарья,,,Даша
Анастасия,,,Настя
Виктория,,,Вика
Евгения,,,Женя
`)

var ukrMale = slavTable(`
Олександр,Олександрович,Олександрівна,Саша,Александр
Сергій,Сергійович,Сергіївна,Сергійко,Сергей
Андрій,Андрійович,Андріївна,Андрійко,Андрей
Володимир,Володимирович,Володимирівна,Вова,Владимир
Микола,Миколайович,Миколаївна,Коля,Николай
Іван,Іванович,Іванівна,Івась,Иван
Юрій,Юрійович,Юріївна,Юра,Юрий
Олег,Олегович,Олегівна,Олежик,Олег
Віктор,Вікторович,Вікторівна,Вітя,Виктор
Дмитро,Дмитрович,Дмитрівна,Діма,Дмитрий
Тарас,Тарасович,Тарасівна,Тарасик,Тарас
Богдан,Богданович,Богданівна,Бодя,Богдан
Василь,Васильович,Василівна,Вася,Василий
Петро,Петрович,Петрівна,Петрик,Пётр
Михайло,Михайлович,Михайлівна,Михась,Михаил
Григорій,Григорович,Григорівна,Гриць,Григорий
Євген,Євгенович,Євгенівна,Женя,Евгений
`)

var ukrFemale = slavTable(`
Олена,,,Оленка,Елена
Оксана,,,Ксеня,Оксана
Наталія,,,Наталка,Наталья
Тетяна,,,Таня,Татьяна
Ірина,,,Іра,Ирина
Юлія,,,Юля,Юлия
Світлана,,,Світланка,Светлана
Людмила,,,Люда,Людмила
Галина,,,Галя,Галина
Марія,,,Марічка,Мария
`)

var rusSurnames = ranked(4, `Иванов|Смирнов|Кузнецов|Попов|Васильев|Петров|Соколов|Михайлов|Новиков|Фёдоров|Морозов|Волков|Алексеев|Лебедев|Семёнов|Егоров|Павлов|Козлов|Степанов|Николаев|Орлов|Андреев|Макаров|Никитин|Захаров|Зайцев|Соловьёв|Борисов|Яковлев|Григорьев|Романов|Воробьёв|Сергеев|Кузьмин|Фролов|Александров|Дмитриев|Королёв|Гусев|Киселёв|Ильин|Максимов|Поляков|Сорокин|Виноградов|Ковалёв|Белов|Медведев|Антонов|Тарасов|Жуков|Баранов|Филиппов|Комаров|Давыдов|Беляев|Герасимов|Богданов|Осипов|Сидоров|Матвеев|Титов|Марков|Миронов|Крылов|Куликов|Карпов|Власов|Мельников|Денисов|Гаврилов|Тихонов|Казаков|Афанасьев|Данилов|Савельев|Тимофеев|Фомин|Чернов|Абрамов|Мартынов|Ефимов|Щербаков|Назаров|Калинин|Исаев|Чернышёв|Быков|Маслов|Родионов|Коновалов|Лазарев|Воронин|Климов|Филатов|Пономарёв|Голубев|Кудрявцев|Прохоров|Наумов|Потапов|Журавлёв|Овчинников|Трофимов|Леонов|Соболев|Ермаков|Колесников|Гончаров|Емельянов|Никифоров|Грачёв|Котов|Гришин|Ефремов|Архипов|Громов|Кириллов|Малышев|Панов|Моисеев|Румянцев|Акимов|Кондратьев|Бирюков|Горбунов|Анисимов|Ерёмин|Тихомиров|Галкин|Лукьянов|Михеев|Скворцов|Юдин|Белоусов|Нестеров|Симонов|Прокофьев|Харитонов|Князев|Цветков|Левин|Митрофанов|Воронов|Аксёнов|Софронов|Мальцев|Логинов|Горшков|Савин|Краснов|Майоров|Демидов|Елисеев|Рыбаков|Сафонов|Плотников|Дёмин|Хохлов|Жданов|Руденко|Шевченко|Троицкий|Введенский|Вознесенский|Успенский|Покровский|Ковальский|Зелинский|Чайковский|Толстой|Трубецкой|Кадыров|Магомедов|Алиев|Гаджиев|Абдуллаев|Умаров|Шамсутдинов|Хабибуллин|Гарипов|Сафин|Юсупов|Цой|Ким|Пак`)

var ukrSurnames = ranked(3, `Мельник|Шевченко|Бойко|Коваленко|Бондаренко|Ткаченко|Кравченко|Ковальчук|Коваль|Олійник|Шевчук|Поліщук|Ткачук|Савченко|Бондар|Марченко|Руденко|Мороз|Лисенко|Петренко|Клименко|Павленко|Кравчук|Кузьменко|Пономаренко|Савчук|Василенко|Левченко|Харченко|Сидоренко|Карпенко|Гаврилюк|Мельничук|Литвиненко|Юрченко|Остапенко|Гончаренко|Приходько|Дячук|Тимошенко|Романюк|Гнатюк|Кушнір|Демченко|Яковенко|Мазур|Семенюк|Гуменюк|Кириленко|Ковальов|Вакуленко|Стасюк|Бабенко|Зінченко|Іваненко|Яременко|Ярошенко|Гордієнко|Мартинюк|Захарченко`)

// feminine gives the feminine form of a Russian surname: -ов/-ев/-ин/-ын
// take -а, -ский/-цкий become -ская/-цкая, -ой becomes -ая; Ukrainian -енко,
// -ук, -юк and others do not change.
func feminine(s string) string {
	switch {
	case strings.HasSuffix(s, "ский"), strings.HasSuffix(s, "цкий"):
		return strings.TrimSuffix(s, "ий") + "ая"
	case strings.HasSuffix(s, "ськ"):
		return s
	case strings.HasSuffix(s, "ой"):
		return strings.TrimSuffix(s, "ой") + "ая"
	case strings.HasSuffix(s, "ов"), strings.HasSuffix(s, "ев"), strings.HasSuffix(s, "ёв"),
		strings.HasSuffix(s, "ин"), strings.HasSuffix(s, "ын"):
		return s + "а"
	}
	return s
}

func buildSlavic(r *rng, female bool, c *country) (nameParts, []alias) {
	ukr := c.code == "UKR"
	males, females, surs := rusMale, rusFemale, rusSurnames
	primary := romBGN
	if ukr {
		males, females, surs = ukrMale, ukrFemale, ukrSurnames
		primary = romUkrainian
	}
	var g slavGiven
	if female {
		g = pick(r, females)
	} else {
		g = pick(r, males)
	}
	father := pick(r, males)
	sur := surs.draw(r)
	if ukr && r.pct(15) {
		sur = rusSurnames.draw(r)
	}
	if female {
		sur = feminine(sur)
	}
	pat := father.patM
	if female {
		pat = father.patF
	}
	usePat := r.pct(70)
	cyrGiven := g.name
	if usePat {
		cyrGiven += " " + pat
	}
	rom := func(s string, sys romaniser) string { return romanise(s, sys) }
	name := nameParts{sur: rom(sur, primary), given: rom(cyrGiven, primary)}

	var as []alias
	if r.pct(40) {
		// The passport's ICAO spelling: no patronymic in the MRZ.
		as = append(as, alias{sur: rom(sur, romICAO), given: rom(g.name, romICAO), kind: "strong"})
	}
	if usePat && r.pct(25) {
		as = append(as, alias{sur: name.sur, given: rom(g.name, primary), kind: "strong"})
	}
	if r.pct(22) {
		as = append(as, alias{sur: upper(sur), given: upper(cyrGiven), kind: "strong", script: true})
	}
	if ukr && g.rus != "" && r.pct(35) {
		// Older documents carry the Russian form: OLEKSANDR ~ ALEKSANDR.
		as = append(as, alias{sur: rom(sur, romBGN), given: rom(g.rus, romBGN), kind: "strong"})
	}
	if r.pct(6) {
		as = append(as, alias{sur: rom(sur, romGerman), given: rom(g.name, romGerman), kind: "strong"})
	}
	if r.pct(14) {
		as = append(as, alias{raw: rom(g.dim, primary), kind: "weak"})
	}
	if female && r.pct(12) {
		maiden := feminine(surs.draw(r))
		as = append(as, alias{sur: rom(maiden, primary), given: name.given, kind: "former"})
	}
	return name, as
}
