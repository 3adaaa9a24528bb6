package lang

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// pythonWords are Python's keywords and the builtins the tables give
// aliases to: English words every language may meet in a program.
var pythonWords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true, "async": true,
	"await": true, "break": true, "class": true, "continue": true, "def": true, "del": true, "elif": true,
	"else": true, "except": true, "finally": true, "for": true, "from": true, "global": true, "if": true,
	"import": true, "in": true, "is": true, "lambda": true, "nonlocal": true, "not": true, "or": true,
	"pass": true, "raise": true, "return": true, "try": true, "while": true, "with": true, "yield": true,
}

// collisions lists every spelling of a language's tables that has two
// meanings, one line each: "code kind spelling: meaning / meaning".
// Kinds: "keywords" (two keywords), "keyword-builtin" (a keyword and a
// builtin or type name of the language, its own or the English one),
// "builtins" (two builtins or types), "phrase" (a word of a several-word
// keyword is a one-word keyword), "common" (a keyword spelled like a short
// word of its language, a likely variable name: Latin script, one or two
// letters, other than Python's own spelling of that keyword, or like one
// of Python's English keywords with another meaning), "extension" (a word
// of an unsupported extension that is also a builtin or type name).
func collisions() []string {
	var out []string
	add := func(code, kind, word string, meanings ...string) {
		sort.Strings(meanings)
		out = append(out, fmt.Sprintf("%s %s %s: %s", code, kind, word, strings.Join(meanings, " / ")))
	}
	for _, code := range Codes() {
		l := byCode[code]
		// every keyword spelling, one-word and phrase
		spell := map[string][]string{}
		for w, k := range l.keywords {
			spell[w] = append(spell[w], "keyword "+string(k))
		}
		for _, ph := range l.phrases {
			w := strings.Join(ph.Words, " ")
			spell[w] = append(spell[w], "keyword "+string(ph.Keyword))
		}
		for w, ms := range spell {
			if len(ms) > 1 {
				add(code, "keywords", w, ms...)
			}
			if c, ok := l.builtins[w]; ok {
				add(code, "keyword-builtin", w, ms[0], "builtin "+c)
			}
			if c, ok := l.types[w]; ok {
				add(code, "keyword-builtin", w, ms[0], "type "+c)
			}
		}
		for w, c := range l.builtins {
			if t, ok := l.types[w]; ok && t != c {
				add(code, "builtins", w, "builtin "+c, "type "+t)
			}
		}
		for _, ph := range l.phrases {
			for _, w := range ph.Words {
				if k, ok := l.keywords[w]; ok {
					add(code, "phrase", strings.Join(ph.Words, " "), "keyword "+string(ph.Keyword), "word "+w+" = keyword "+string(k))
				}
			}
		}
		for w, k := range l.keywords {
			latin, n := true, utf8.RuneCountInString(w)
			for _, r := range w {
				latin = latin && r < 0x250 && unicode.IsLetter(r)
			}
			switch {
			case pythonWords[w] && w != string(k):
				add(code, "common", w, "keyword "+string(k), "Python keyword "+w)
			case latin && n <= 2 && w != string(k):
				add(code, "common", w, "keyword "+string(k), "short word")
			}
		}
		for w, canon := range l.extensions {
			if c, ok := l.builtins[w]; ok {
				add(code, "extension", w, "extension "+canon, "builtin "+c)
			}
			if c, ok := l.types[w]; ok {
				add(code, "extension", w, "extension "+canon, "type "+c)
			}
		}
	}
	sort.Strings(out)
	return out
}

// How each kind of collision is resolved (core/parser: nameable,
// keywordOrName, splitOperandPhrase, splitForPhrase, extension.go).
const (
	resNameable = "a name where an operand or a for target is expected, and at a statement's start before " +
		"'=', an augmented '=', '.' or ','; the keyword elsewhere; a statement starting with it before '(' or '[' " +
		"that parses only with the word as a name is the error parser.keyword_or_name, naming both"
	resNot = "the keyword not, which starts an operand; with no operand after it the error parser.keyword_as_name, " +
		"and at a statement's start before '=' ... parser.keyword_or_name"
	resYield        = "the keyword yield (x = ge is x = yield); at a statement's start before '=' ... parser.keyword_or_name"
	resSoftSpelling = "another spelling of the keyword: a name wherever its statement cannot start (Language.Hard)"
	resNotIn        = "the phrase reads as its words do (not, then in, is not in); where an operand is expected and its first word is no keyword (French pas dans), the name then in"
	resElif         = "the phrase: else then if are never adjacent otherwise (else is followed by ':' or an operand, which if cannot start)"
	resInElse       = "the phrase: in then else are never adjacent otherwise (in is followed by an operand)"
	resForEach      = "the phrase, unless in, ',' or '.' follows it: then for and the name (pour chaque dans xs loops over chaque)"
	resLetVars      = "let before `name =` or `name:`, the builtin vars elsewhere"
	resExtension    = "a name: the extension is named only where a statement fails at the word (parser.extension)"
)

// classified is every collision of the tables, with how the parser
// resolves it. A new collision (a table changed) fails TestCollisions
// until it is added here, and resolved.
var classified = map[string]string{
	"ar extension محلي: builtin locals / extension scope.local":        resExtension,
	"ar extension نوع: builtin type / extension typedecl.type":         resExtension,
	"ar phrase ليس في: keyword not in / word في = keyword in":          resNotIn,
	"ar phrase ليس في: keyword not in / word ليس = keyword not":        resNotIn,
	"bn extension গণনা: builtin enumerate / extension enum.enum":       resExtension,
	"bn extension ধরন: builtin type / extension typedecl.type":         resExtension,
	"bn extension স্থানীয়: builtin locals / extension scope.local":    resExtension,
	"bn phrase না মধ্যে: keyword not in / word না = keyword not":       resNotIn,
	"bn phrase না মধ্যে: keyword not in / word মধ্যে = keyword in":     resNotIn,
	"da common er: keyword is / short word":                            resNameable,
	"da common i: keyword in / short word":                             resNameable,
	"da common og: keyword and / short word":                           resNameable,
	"da extension type: builtin type / extension typedecl.type":        resExtension,
	"da phrase ikke i: keyword not in / word i = keyword in":           resNotIn,
	"da phrase ikke i: keyword not in / word ikke = keyword not":       resNotIn,
	"de extension typ: builtin type / extension typedecl.type":         resExtension,
	"de phrase nicht in: keyword not in / word in = keyword in":        resNotIn,
	"de phrase nicht in: keyword not in / word nicht = keyword not":    resNotIn,
	"en common fn: keyword def / short word":                           resSoftSpelling,
	"en extension type: builtin type / extension typedecl.type":        resExtension,
	"en phrase not in: keyword not in / word in = keyword in":          resNotIn,
	"en phrase not in: keyword not in / word not = keyword not":        resNotIn,
	"es common en: keyword in / short word":                            resNameable,
	"es common es: keyword is / short word":                            resNameable,
	"es common no: keyword not / short word":                           resNot,
	"es common o: keyword or / short word":                             resNameable,
	"es common si: keyword if / short word":                            resNameable,
	"es common y: keyword and / short word":                            resNameable,
	"es extension tipo: builtin type / extension typedecl.type":        resExtension,
	"es phrase no en: keyword not in / word en = keyword in":           resNotIn,
	"es phrase no en: keyword not in / word no = keyword not":          resNotIn,
	"fi common ei: keyword not / short word":                           resNot,
	"fi common ja: keyword and / short word":                           resNameable,
	"fi common on: keyword is / short word":                            resNameable,
	"fi extension tyyppi: builtin type / extension typedecl.type":      resExtension,
	"fi phrase ei sisalla: keyword not in / word ei = keyword not":     resNotIn,
	"fi phrase ei sisalla: keyword not in / word sisalla = keyword in": resNotIn,
	"fr common et: keyword and / short word":                           resNameable,
	"fr common ou: keyword or / short word":                            resNameable,
	"fr common si: keyword if / short word":                            resNameable,
	"fr extension type: builtin type / extension typedecl.type":        resExtension,
	"fr phrase non dans: keyword not in / word dans = keyword in":      resNotIn,
	"fr phrase non dans: keyword not in / word non = keyword not":      resNotIn,
	"fr phrase pas dans: keyword not in / word dans = keyword in":      resNotIn,
	"fr phrase pour chaque: keyword for / word pour = keyword for":     resForEach,
	"fr phrase sinon si: keyword elif / word si = keyword if":          resElif,
	"fr phrase sinon si: keyword elif / word sinon = keyword else":     resElif,
	"hi extension गणना: builtin enumerate / extension enum.enum":       resExtension,
	"hi extension प्रकार: builtin type / extension typedecl.type":      resExtension,
	"hi extension स्थानीय: builtin locals / extension scope.local":     resExtension,
	"hi phrase नहीं में: keyword not in / word नहीं = keyword not":     resNotIn,
	"hi phrase नहीं में: keyword not in / word में = keyword in":       resNotIn,
	"it common da: keyword from / short word":                          resNameable,
	"it common e: keyword and / short word":                            resNameable,
	"it common o: keyword or / short word":                             resNameable,
	"it common se: keyword if / short word":                            resNameable,
	"it common è: keyword is / short word":                             resNameable,
	"it extension tipo: builtin type / extension typedecl.type":        resExtension,
	"it phrase non in: keyword not in / word in = keyword in":          resNotIn,
	"it phrase non in: keyword not in / word non = keyword not":        resNotIn,
	"ja extension 列挙: builtin enumerate / extension enum.enum":         resExtension,
	"ja extension 型: builtin type / extension typedecl.type":           resExtension,
	"ja keyword-builtin 変数: builtin vars / keyword let":                resLetVars,
	"nl common en: keyword and / short word":                           resNameable,
	"nl common of: keyword or / short word":                            resNameable,
	"nl extension type: builtin type / extension typedecl.type":        resExtension,
	"nl phrase niet in: keyword not in / word in = keyword in":         resNotIn,
	"nl phrase niet in: keyword not in / word niet = keyword not":      resNotIn,
	"pl common w: keyword in / short word":                             resNameable,
	"pl common z: keyword with / short word":                           resNameable,
	"pl extension lokalne: builtin locals / extension scope.local":     resExtension,
	"pl extension typ: builtin type / extension typedecl.type":         resExtension,
	"pl phrase nie w: keyword not in / word nie = keyword not":         resNotIn,
	"pl phrase nie w: keyword not in / word w = keyword in":            resNotIn,
	"pt common de: keyword from / short word":                          resNameable,
	"pt common e: keyword and / short word":                            resNameable,
	"pt common eh: keyword is / short word":                            resNameable,
	"pt common em: keyword in / short word":                            resNameable,
	"pt common ou: keyword or / short word":                            resNameable,
	"pt common se: keyword if / short word":                            resNameable,
	"pt common é: keyword is / short word":                             resNameable,
	"pt extension tipo: builtin type / extension typedecl.type":        resExtension,
	"pt phrase nao em: keyword not in / word em = keyword in":          resNotIn,
	"pt phrase nao em: keyword not in / word nao = keyword not":        resNotIn,
	"pt phrase não em: keyword not in / word em = keyword in":          resNotIn,
	"pt phrase não em: keyword not in / word não = keyword not":        resNotIn,
	"pt phrase para cada: keyword for / word para = keyword for":       resForEach,
	"pt phrase senão se: keyword elif / word se = keyword if":          resElif,
	"pt phrase senão se: keyword elif / word senão = keyword else":     resElif,
	"sv common ar: keyword is / short word":                            resNameable,
	"sv common ge: keyword yield / short word":                         resYield,
	"sv common i: keyword in / short word":                             resNameable,
	"sv common om: keyword if / short word":                            resNameable,
	"sv extension typ: builtin type / extension typedecl.type":         resExtension,
	"sv phrase inte i: keyword not in / word i = keyword in":           resNotIn,
	"sv phrase inte i: keyword not in / word inte = keyword not":       resNotIn,
	"ta extension உள்ளூர்: builtin locals / extension scope.local":     resExtension,
	"ta extension வகை: builtin type / extension typedecl.type":         resExtension,
	"ta phrase இல் இல்லை: keyword not in / word இல் = keyword in":      resInElse,
	"ta phrase இல் இல்லை: keyword not in / word இல்லை = keyword else":  resInElse,
	"zh extension 枚举: builtin enumerate / extension enum.enum":         resExtension,
	"zh extension 类型: builtin type / extension typedecl.type":          resExtension,
}

// TestCollisions checks that the collisions of the 17 tables are exactly
// those classified.
func TestCollisions(t *testing.T) {
	found := map[string]bool{}
	for _, c := range collisions() {
		found[c] = true
		if _, ok := classified[c]; !ok {
			t.Errorf("new collision, not classified: %q", c)
		}
	}
	for c := range classified {
		if !found[c] {
			t.Errorf("classified collision no longer in the tables: %q", c)
		}
	}
}
