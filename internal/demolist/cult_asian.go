package demolist

import "strings"

// Chinese names: surname first, one- or two-syllable given name written as
// one pinyin word (WEIMING) on mainland passports; Hong Kong and Taiwan use
// Cantonese or Wade-Giles spellings, often hyphenated (WAI-MING, CHIH-HAO).

var chnSurnames = ranked(2, `WANG|LI|ZHANG|LIU|CHEN|YANG|HUANG|ZHAO|WU|ZHOU|XU|SUN|MA|ZHU|HU|GUO|HE|LIN|GAO|LUO|ZHENG|LIANG|XIE|SONG|TANG|HAN|FENG|DENG|CAO|PENG|ZENG|XIAO|TIAN|DONG|PAN|YUAN|CAI|JIANG|YU|DU|YE|CHENG|WEI|SU|LYU|DING|REN|LU|YAO|SHEN|ZHONG|CUI|TAN|FAN|LIAO|SHI|JIN|JIA|XIA|FU|FANG|ZOU|XIONG|BAI|MENG|QIN|QIU|HOU|YIN|XUE|YAN|DUAN|LEI|LONG|SHAO|WAN|QIAN|TAO|HAO|GONG|KONG|MAO|QU|OUYANG|SIMA|ZHUGE|SHANGGUAN|NIE|GE|CHAI|ZHUO|DAI|GU|MO|XING|KANG|YI`)

var chnSyllM = ranked(6, `WEI|JUN|YONG|JIE|TAO|MING|CHAO|QIANG|LEI|GANG|JIAN|FENG|HAO|BIN|HUI|PING|HAI|DONG|ZHI|KAI|PENG|LONG|BO|XIN|YU|HONG|HUA|LIANG|GUO|WEN|JIN|CHENG|ZHEN|SHENG|RUI|HAN|XIANG|YI|TIAN|JIA|ZE|HAOYU|ZI|AN|SHAN|QING|DE|FU|LIN|XU`)
var chnSyllF = ranked(6, `FANG|JING|LI|MIN|YAN|XIU|YING|LING|XIA|HUI|NA|LAN|YUN|JUAN|HONG|MEI|QIAN|TING|XUE|YU|LU|DAN|WEN|NING|JIA|XIN|YI|QING|ZHEN|SHU|HUA|CHUN|YUE|LIAN|XIAO|FEI|PING|RONG|JIAO|WAN`)

// Cantonese (Hong Kong) and Wade-Giles (Taiwan) spellings of the surnames.
var chnSurnameAlt = map[string][]string{
	"WANG": {"WONG", "WANG"}, "LI": {"LEE", "LI"}, "ZHANG": {"CHEUNG", "CHANG"}, "LIU": {"LAU", "LIU"},
	"CHEN": {"CHAN", "CHEN"}, "YANG": {"YEUNG", "YANG"}, "HUANG": {"WONG", "HUANG"}, "ZHAO": {"CHIU", "CHAO"},
	"WU": {"NG", "WU"}, "ZHOU": {"CHOW", "CHOU"}, "XU": {"TSUI", "HSU"}, "SUN": {"SUEN", "SUN"}, "MA": {"MA", "MA"},
	"ZHU": {"CHU", "CHU"}, "HU": {"WU", "HU"}, "GUO": {"KWOK", "KUO"}, "HE": {"HO", "HO"}, "LIN": {"LAM", "LIN"},
	"GAO": {"KO", "KAO"}, "LUO": {"LAW", "LO"}, "ZHENG": {"CHENG", "CHENG"}, "LIANG": {"LEUNG", "LIANG"},
	"XIE": {"TSE", "HSIEH"}, "SONG": {"SUNG", "SUNG"}, "TANG": {"TONG", "TANG"}, "HAN": {"HON", "HAN"},
	"FENG": {"FUNG", "FENG"}, "DENG": {"TANG", "TENG"}, "CAO": {"TSO", "TSAO"}, "PENG": {"PANG", "PENG"},
	"ZENG": {"TSANG", "TSENG"}, "XIAO": {"SIU", "HSIAO"}, "CAI": {"CHOI", "TSAI"}, "JIANG": {"KONG", "CHIANG"},
	"YU": {"YU", "YU"}, "DU": {"TO", "TU"}, "YE": {"YIP", "YEH"}, "CHENG": {"CHING", "CHENG"}, "LYU": {"LUI", "LU"},
	"SU": {"SO", "SU"}, "ZHONG": {"CHUNG", "CHUNG"}, "CUI": {"CHUI", "TSUI"}, "TAN": {"TAM", "TAN"}, "QIU": {"YAU", "CHIU"},
}

// Wade-Giles spellings of pinyin syllables used in given names.
var wadeGiles = map[string]string{
	"ZHI": "CHIH", "JIAN": "CHIEN", "QIANG": "CHIANG", "ZHEN": "CHEN", "XIN": "HSIN", "XIU": "HSIU", "JUN": "CHUN",
	"JIE": "CHIEH", "XIANG": "HSIANG", "QING": "CHING", "JING": "CHING", "XIA": "HSIA", "XUE": "HSUEH", "JIA": "CHIA",
	"ZE": "TSE", "ZI": "TZU", "GUO": "KUO", "DE": "TE", "BO": "PO", "TAO": "TAO", "DONG": "TUNG", "DAN": "TAN",
	"QIAN": "CHIEN", "XIAO": "HSIAO", "RONG": "JUNG", "RUI": "JUI", "YONG": "YUNG", "HONG": "HUNG",
}

var englishNames = map[bool][]string{
	false: {"DAVID", "MICHAEL", "KEVIN", "PETER", "TONY", "JACKY", "ERIC", "JASON", "VINCENT", "ALEX", "JOHNNY", "RAYMOND", "KENNY", "STANLEY", "WILLIAM"},
	true:  {"GRACE", "AMY", "CINDY", "HELEN", "JENNY", "LILY", "VIVIAN", "WINNIE", "CHERRY", "MANDY", "JOYCE", "IRENE"},
}

func buildChinese(r *rng, female bool, c *country) (nameParts, []alias) {
	syll := chnSyllM
	if female {
		syll = chnSyllF
	}
	parts := []string{syll.draw(r)}
	if r.pct(72) {
		parts = append(parts, syll.draw(r))
	}
	sur := chnSurnames.draw(r)
	given := strings.Join(parts, "")
	name := nameParts{sur: sur, given: given}
	var as []alias
	switch c.code {
	case "HKG", "TWN":
		// The list has the local spelling; the mainland pinyin is the alias.
		alt := sur
		if a, ok := chnSurnameAlt[sur]; ok {
			alt = a[0]
			if c.code == "TWN" {
				alt = a[1]
			}
		}
		wg := make([]string, len(parts))
		for i, p := range parts {
			if w, ok := wadeGiles[p]; ok {
				wg[i] = w
			} else {
				wg[i] = p
			}
		}
		name = nameParts{sur: alt, given: strings.Join(wg, "-")}
		as = append(as, alias{sur: sur, given: given, kind: "strong"})
	default:
		if len(parts) > 1 && r.pct(25) {
			as = append(as, alias{sur: sur, given: strings.Join(parts, " "), kind: "strong"})
		}
		if a, ok := chnSurnameAlt[sur]; ok && r.pct(12) {
			as = append(as, alias{sur: a[0], given: strings.Join(parts, "-"), kind: "strong"})
		}
	}
	if r.pct(12) {
		// Written in natural order by a foreign list: given name first.
		as = append(as, alias{sur: name.given, given: name.sur, kind: "strong"})
	}
	if r.pct(15) {
		as = append(as, alias{raw: pick(r, englishNames[female]) + " " + name.sur, kind: "weak"})
	}
	if r.pct(8) {
		as = append(as, alias{raw: "A" + parts[len(parts)-1], kind: "weak"}) // 阿 + name: a familiar form
	}
	return name, as
}

// Vietnamese names: family name, middle name (VĂN for men, THỊ for women,
// often another), given name; written with full diacritics in Vietnam,
// stripped abroad, and often reordered given-first.

var vnmSurnames = ranked(1, `NGUYỄN|TRẦN|LÊ|PHẠM|HOÀNG|HUỲNH|PHAN|VŨ|VÕ|ĐẶNG|BÙI|ĐỖ|HỒ|NGÔ|DƯƠNG|LÝ|ĐINH|ĐÀO|TRỊNH|MAI|TRƯƠNG|LƯU|TÔ|HÀ|LÂM|QUÁCH`)
var vnmMiddleM = []string{"VĂN", "VĂN", "VĂN", "ĐỨC", "HỮU", "MINH", "QUỐC", "THANH", "CÔNG", "XUÂN", "ĐÌNH"}
var vnmMiddleF = []string{"THỊ", "THỊ", "THỊ", "NGỌC", "KIM", "THU", "THANH", "MỸ", "HỒNG"}
var vnmGivenM = ranked(4, `AN|BÌNH|CƯỜNG|DŨNG|HẢI|HÙNG|HUY|KHOA|LONG|MINH|NAM|PHONG|QUANG|SƠN|THẮNG|TUẤN|VIỆT|ĐỨC|HIẾU|TÀI|THÀNH|TRUNG|VINH|HOÀNG|PHÚC|TÙNG|KHÁNH|LỘC|NGHĨA|TÂM`)
var vnmGivenF = ranked(4, `ANH|HẠNH|HOA|HƯƠNG|LAN|LINH|MAI|NGỌC|PHƯƠNG|THẢO|THU|TRANG|VÂN|YẾN|HÀ|HẰNG|NHUNG|OANH|QUỲNH|TUYẾT|THÚY|DUNG|HUYỀN|LOAN|NGÂN`)

func buildVietnamese(r *rng, female bool, c *country) (nameParts, []alias) {
	sur := vnmSurnames.draw(r)
	mid, giv := pick(r, vnmMiddleM), vnmGivenM.draw(r)
	if female {
		mid, giv = pick(r, vnmMiddleF), vnmGivenF.draw(r)
	}
	given := mid + " " + giv
	if r.pct(10) {
		given = giv // no middle name recorded
	}
	var as []alias
	if r.pct(35) {
		as = append(as, alias{sur: fold(sur), given: fold(given), kind: "strong"})
	}
	if r.pct(18) {
		// Western order on a foreign document: "VAN AN NGUYEN" or "AN NGUYEN".
		as = append(as, alias{sur: fold(giv), given: fold(sur + " " + mid), kind: "strong"})
	}
	if r.pct(8) {
		as = append(as, alias{raw: pick(r, []string{"PETER", "JOSEPH", "JOHN", "MARY", "ANNA", "PAUL", "TONY"}) + " " + fold(sur), kind: "weak"})
	}
	return nameParts{sur: sur, given: given}, as
}
