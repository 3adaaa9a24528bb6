// Package lang holds the words of the 17 surface languages: keywords, type
// names and builtin aliases, the compile-time error messages, and detects
// which language a program is written in.
//
// Everything a language needs lives in its one file, data/<code>.txt, in
// the project's own format, parsed once at start-up: adding a language is
// adding a file. Every language also accepts the English names of builtins
// and types; keywords are the language's own.
//
// The word sections ([language], [keywords], [types], [builtins],
// [surface], [extensions]) are written by tools/gen_lang_tables.py from
// the reference word lists. [extensions] holds the words of the
// reference's extensions of the language that this project does not
// support (Extension). The [messages] section is written by hand, and the script
// keeps it when it rewrites a file: it is the message catalogue, the text
// of every compile-time error of core/lexer, core/parser and core/check,
// addressed by a stable id ("parser.expected_expr"). The phases name a
// message by its id and call Message with the program's language; see
// messages.go for the form of a text (fmt verbs, {keyword} placeholders)
// and the rules that the tests hold every language to: the same ids as
// English, the same verbs in the same order.
package lang

import (
	"bufio"
	"embed"
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// A Keyword is the canonical (English) name of a keyword: "if", "not in".
type Keyword string

// The keywords of the grammar: Python's keywords, and our soft keywords
// let, const and default.
const (
	If       Keyword = "if"
	Elif     Keyword = "elif"
	Else     Keyword = "else"
	While    Keyword = "while"
	For      Keyword = "for"
	Break    Keyword = "break"
	Continue Keyword = "continue"
	Pass     Keyword = "pass"
	In       Keyword = "in"
	NotIn    Keyword = "not in"
	Assert   Keyword = "assert"
	Def      Keyword = "def"
	Return   Keyword = "return"
	And      Keyword = "and"
	Or       Keyword = "or"
	Not      Keyword = "not"
	True     Keyword = "True"
	False    Keyword = "False"
	None     Keyword = "None"
	Is       Keyword = "is"
	Global   Keyword = "global"
	Nonlocal Keyword = "nonlocal"
	Class    Keyword = "class"
	Import   Keyword = "import"
	From     Keyword = "from"
	As       Keyword = "as"
	Lambda   Keyword = "lambda"
	Yield    Keyword = "yield"
	Try      Keyword = "try"
	Except   Keyword = "except"
	Finally  Keyword = "finally"
	Raise    Keyword = "raise"
	With     Keyword = "with"
	Del      Keyword = "del"
	Match    Keyword = "match"
	Case     Keyword = "case"
	Async    Keyword = "async"
	Await    Keyword = "await"
	Let      Keyword = "let"
	Const    Keyword = "const"
	Default  Keyword = "default"
)

// softKeywords are the keywords that Python (match, case) or our language
// (let, const, default) lets programs use as names.
var softKeywords = map[Keyword]bool{Match: true, Case: true, Let: true, Const: true, Default: true}

// Soft reports whether k is a soft keyword in every spelling: a name
// wherever its statement cannot start, as Python's match and case.
func (k Keyword) Soft() bool { return softKeywords[k] }

// Hard reports whether the one-word spelling word of keyword k is reserved
// in l: it is the language's main (first) spelling of one of Python's hard
// keywords. Every other spelling (English `fn` for def, French `fonction`)
// is soft, a name wherever it cannot start its statement, so that every
// valid Python program stays valid in English.
func (l *Language) Hard(k Keyword, word string) bool {
	return !k.Soft() && l.spellings["keywords."+string(k)] == word
}

// A Phrase is a keyword spelled with several words, such as "sinon si".
type Phrase struct {
	Words   []string
	Keyword Keyword
}

// A Language is the word tables of one surface language.
type Language struct {
	Code string // ISO 639-1 code: "fr"
	Name string // the language's own name: "Français"

	keywords  map[string]Keyword // single-word spellings
	phrases   []Phrase           // multi-word spellings, longest first
	types     map[string]string  // spelling -> canonical type name
	builtins  map[string]string  // spelling -> canonical builtin name
	spellings map[string]string  // section + "." + canonical -> first spelling
	surface   map[Keyword][]string
	messages  map[string]string // message id -> text (messages.go)

	// folded and runes are the one-word keyword spellings folded
	// (foldWord), made at the first GuessKeyword (guess.go).
	folded map[string]Keyword
	runes  []foldedSpelling

	// extensions maps a word of an unsupported extension of the language
	// to its `group.word` name ("ai.prompt"); see Extension.
	extensions map[string]string
}

//go:embed data/*.txt
var dataFS embed.FS

var (
	byCode map[string]*Language
	codes  []string
)

func init() {
	entries, err := dataFS.ReadDir("data")
	if err != nil {
		panic(err)
	}
	byCode = make(map[string]*Language)
	for _, e := range entries {
		l, err := parse(e.Name())
		if err != nil {
			panic(err) // the tables are part of the binary: a bad one is a build bug
		}
		byCode[l.Code] = l
		codes = append(codes, l.Code)
	}
	// English names of builtins and types are accepted in every language.
	builtins, types := make(map[string]bool), make(map[string]bool)
	for _, l := range byCode {
		for _, c := range l.builtins {
			builtins[c] = true
		}
		for _, c := range l.types {
			types[c] = true
		}
	}
	for _, l := range byCode {
		for canon := range builtins {
			if _, ok := l.builtins[canon]; !ok {
				l.builtins[canon] = canon
			}
		}
		for canon := range types {
			if _, ok := l.types[canon]; !ok {
				l.types[canon] = canon
			}
		}
	}
	sort.Strings(codes)
}

func parse(name string) (*Language, error) {
	f, err := dataFS.Open("data/" + name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	l := &Language{
		keywords:  make(map[string]Keyword),
		types:     make(map[string]string),
		builtins:  make(map[string]string),
		spellings: make(map[string]string),
		surface:   make(map[Keyword][]string),
		messages:  make(map[string]string),

		extensions: make(map[string]string),
	}
	section := ""
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			section = line[1 : len(line)-1]
			continue
		}
		canon, rest, ok := strings.Cut(line, "=")
		if !ok {
			return nil, fmt.Errorf("%s:%d: want 'name = spelling'", name, n)
		}
		canon = strings.TrimSpace(canon)
		if section == "messages" {
			// A message is one line of text, kept as written: no '|'
			// alternatives, inner spaces kept.
			text := strings.TrimSpace(rest)
			if canon == "" || text == "" {
				return nil, fmt.Errorf("%s:%d: want 'id = text'", name, n)
			}
			if _, dup := l.messages[canon]; dup {
				return nil, fmt.Errorf("%s:%d: message %q given twice", name, n, canon)
			}
			l.messages[canon] = text
			continue
		}
		var words []string
		for _, w := range strings.Split(rest, "|") {
			if w = strings.Join(strings.Fields(w), " "); w != "" {
				words = append(words, w)
			}
		}
		if len(words) == 0 {
			return nil, fmt.Errorf("%s:%d: no spelling for %q", name, n, canon)
		}
		switch section {
		case "language":
			switch canon {
			case "code":
				l.Code = words[0]
			case "name":
				l.Name = words[0]
			}
			continue
		case "keywords":
			for _, w := range words {
				if strings.Contains(w, " ") {
					l.phrases = append(l.phrases, Phrase{Words: strings.Fields(w), Keyword: Keyword(canon)})
				} else {
					l.keywords[w] = Keyword(canon)
				}
			}
		case "types":
			for _, w := range words {
				l.types[w] = canon
			}
		case "builtins":
			for _, w := range words {
				l.builtins[w] = canon
			}
		case "surface":
			for _, w := range words {
				l.surface[Keyword(canon)] = strings.Fields(w)
			}
			continue
		case "extensions":
			if !strings.Contains(canon, ".") {
				return nil, fmt.Errorf("%s:%d: want 'group.word = spelling'", name, n)
			}
			for _, w := range words {
				if _, dup := l.extensions[w]; !dup {
					l.extensions[w] = canon
				}
			}
		default:
			return nil, fmt.Errorf("%s:%d: entry outside a known section", name, n)
		}
		key := section + "." + canon
		if _, seen := l.spellings[key]; !seen {
			l.spellings[key] = words[0]
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if l.Code == "" {
		return nil, fmt.Errorf("%s: no [language] code", name)
	}
	sort.SliceStable(l.phrases, func(i, j int) bool { return len(l.phrases[i].Words) > len(l.phrases[j].Words) })
	return l, nil
}

// Get returns the language with the given code ("fr"), case-insensitively.
func Get(code string) (*Language, bool) {
	l, ok := byCode[strings.ToLower(strings.TrimSpace(code))]
	return l, ok
}

// Codes returns the codes of every language, sorted.
func Codes() []string { return append([]string(nil), codes...) }

// Keyword reports whether word is a one-word keyword of l.
func (l *Language) Keyword(word string) (Keyword, bool) {
	k, ok := l.keywords[word]
	return k, ok
}

// Surface returns l's natural word order for the header of statement k
// (For, If, While or With) when it is not keyword-first, else nil. The
// elements are "<slot>" for an expression or target slot ("<iterable>",
// "<target>", "<condition>", "<context>"), "{kw}" for the language's
// keyword kw, and any other string for a literal word: Japanese writes
// `for x in xs:` as `xs 内の 各 x に対して:` ("<iterable> 内の 各 <target> に対して").
// The header's closing ':' is implied. The keyword-first order stays valid.
func (l *Language) Surface(k Keyword) []string { return l.surface[k] }

// Extension reports whether word is a word of one of the reference's
// extensions of the language that this project does not support (AI
// prompts, concurrency, ...), and returns its group ("ai", "concurrency",
// "enum", ...) and its name in the group ("prompt"). Such words are
// ordinary names: the parser names the extension only where a statement
// that uses one as the extension would fails to parse.
func (l *Language) Extension(word string) (group, name string, ok bool) {
	canon, ok := l.extensions[word]
	if !ok {
		return "", "", false
	}
	group, name, _ = strings.Cut(canon, ".")
	return group, name, true
}

// ExtensionWords returns every word of l's unsupported extensions, sorted.
func (l *Language) ExtensionWords() []string {
	out := make([]string, 0, len(l.extensions))
	for w := range l.extensions {
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}

// Phrases returns the multi-word keywords of l, longest first.
func (l *Language) Phrases() []Phrase { return l.phrases }

// Builtin returns the canonical name of a builtin spelled name in l
// ("intervalle" -> "range"); English names are accepted too.
func (l *Language) Builtin(name string) (string, bool) {
	c, ok := l.builtins[name]
	return c, ok
}

// TypeName returns the canonical type name spelled name in l
// ("entier" -> "int"); English names are accepted too.
func (l *Language) TypeName(name string) (string, bool) {
	c, ok := l.types[name]
	return c, ok
}

// KeywordSpelling returns the first spelling of keyword k in l.
func (l *Language) KeywordSpelling(k Keyword) string { return l.spellings["keywords."+string(k)] }

// BuiltinSpelling returns the localized spelling of a builtin, or its English name.
func (l *Language) BuiltinSpelling(canon string) string {
	if s, ok := l.spellings["builtins."+canon]; ok {
		return s
	}
	return canon
}

// TypeSpelling returns the localized spelling of a type name, or its English name.
func (l *Language) TypeSpelling(canon string) string {
	if s, ok := l.spellings["types."+canon]; ok {
		return s
	}
	return canon
}

// IsWordRune reports whether r may appear inside an identifier or keyword:
// letters, combining marks (Devanagari, Tamil vowel signs), digits and '_'.
func IsWordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd)
}
