package lang

import "testing"

func TestAllLanguagesLoaded(t *testing.T) {
	want := []string{"ar", "bn", "da", "de", "en", "es", "fi", "fr", "hi", "it", "ja", "nl", "pl", "pt", "sv", "ta", "zh"}
	got := Codes()
	if len(got) != len(want) {
		t.Fatalf("Codes() = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Codes() = %v, want %v", got, want)
		}
		l, _ := Get(want[i])
		for _, k := range []Keyword{If, Else, While, For, Def, Return, In, True, False, None, And, Or, Not} {
			if l.KeywordSpelling(k) == "" {
				t.Errorf("%s: no spelling for keyword %q", l.Code, k)
			}
		}
	}
}

func TestLookups(t *testing.T) {
	tests := []struct {
		code, word string
		kind       string // "kw", "builtin", "type"
		want       string
	}{
		{"fr", "déf", "kw", "def"},
		{"fr", "def", "kw", "def"},
		{"fr", "retour", "kw", "return"},
		{"fr", "intervalle", "builtin", "range"},
		{"fr", "range", "builtin", "range"}, // English builtin names work everywhere
		{"fr", "entier", "type", "int"},
		{"hi", "int", "type", "int"},
		{"de", "ganz", "type", "int"},
		{"ja", "範囲", "builtin", "range"},
		{"es", "mientras", "kw", "while"},
		{"pt", "senao", "kw", "else"},
	}
	for _, tt := range tests {
		l, ok := Get(tt.code)
		if !ok {
			t.Fatalf("Get(%q) failed", tt.code)
		}
		var got string
		switch tt.kind {
		case "kw":
			k, _ := l.Keyword(tt.word)
			got = string(k)
		case "builtin":
			got, _ = l.Builtin(tt.word)
		case "type":
			got, _ = l.TypeName(tt.word)
		}
		if got != tt.want {
			t.Errorf("%s %s %q = %q, want %q", tt.code, tt.kind, tt.word, got, tt.want)
		}
	}
}

func TestPhrasesLongestFirst(t *testing.T) {
	for _, code := range Codes() {
		l, _ := Get(code)
		ps := l.Phrases()
		for i := 1; i < len(ps); i++ {
			if len(ps[i].Words) > len(ps[i-1].Words) {
				t.Errorf("%s: phrase %v after shorter %v", code, ps[i].Words, ps[i-1].Words)
			}
		}
	}
	fr, _ := Get("fr")
	found := false
	for _, p := range fr.Phrases() {
		if p.Keyword == Elif && len(p.Words) == 2 && p.Words[0] == "sinon" && p.Words[1] == "si" {
			found = true
		}
	}
	if !found {
		t.Error(`fr: "sinon si" is not an elif phrase`)
	}
}

func TestDetect(t *testing.T) {
	tests := []struct{ src, want string }{
		{"déf f(n: entier) -> entier:\n    retour n\n", "fr"},
		{"def f(n: int) -> int:\n    return n\n", "en"},
		{"def f(n):\n    mientras n > 0:\n        n = n - 1\n    devolver n\n", "es"},
		{"def f(n: ganz) -> ganz:\n    rückgabe n\n", "de"},
		{"関数 f(n):\n    戻る n\n", "ja"},
		{"函数 f(n):\n    返回 n\n", "zh"},
		{"परिभाषा f(n):\n    वापसी n\n", "hi"},
		{"# language: it\ndef f(n):\n    return n\n", "it"},
		{"x = 1\n", "en"},
	}
	for _, tt := range tests {
		if got := Detect(tt.src); got.Code != tt.want {
			t.Errorf("Detect(%q) = %+v, want %s", tt.src, got, tt.want)
		}
	}
}

// TestDetectShortProgramsInEveryLanguage spells the same five-line program
// with each language's own words and expects Detect to name that language.
func TestDetectShortProgramsInEveryLanguage(t *testing.T) {
	for _, code := range Codes() {
		l, _ := Get(code)
		src := l.KeywordSpelling(Def) + " f(n: " + l.TypeSpelling("int") + ") -> " + l.TypeSpelling("int") + ":\n" +
			"    " + l.KeywordSpelling(If) + " n > 0:\n" +
			"        " + l.KeywordSpelling(Return) + " n\n" +
			"    " + l.KeywordSpelling(Return) + " " + l.BuiltinSpelling("len") + "([])\n"
		if got := Detect(src); got.Code != code {
			t.Errorf("%s: Detect chose %s (score %.2f, runner-up %s) for\n%s", code, got.Code, got.Score, got.Runner, src)
		}
	}
}

// TestNoBuiltinIsAKeyword checks that every localized builtin and type name
// can be used: a spelling that is also a hard keyword of the same language
// would always be read as the keyword (a soft one is a name where a name
// can stand).
func TestNoBuiltinIsAKeyword(t *testing.T) {
	for _, code := range Codes() {
		l, _ := Get(code)
		for w, canon := range l.builtins {
			if k, ok := l.keywords[w]; ok && l.Hard(k, w) {
				t.Errorf("%s: builtin %s spelled %q, which is the keyword %s", code, canon, w, k)
			}
		}
		for w, canon := range l.types {
			if k, ok := l.keywords[w]; ok && l.Hard(k, w) {
				t.Errorf("%s: type %s spelled %q, which is the keyword %s", code, canon, w, k)
			}
		}
	}
}

func TestExtension(t *testing.T) {
	tests := []struct {
		code, word, group, name string
		ok                      bool
	}{
		{"en", "prompt", "ai", "prompt", true},
		{"en", "local", "scope", "local", true},
		{"fr", "requête", "ai", "prompt", true},
		{"fr", "requete", "ai", "prompt", true},
		{"ja", "観測", "reactive", "observe", true},
		{"sv", "skicka", "concurrency", "send", true},
		{"en", "print", "", "", false},
		{"fr", "prompt", "", "", false},
	}
	for _, tt := range tests {
		l, _ := Get(tt.code)
		group, name, ok := l.Extension(tt.word)
		if group != tt.group || name != tt.name || ok != tt.ok {
			t.Errorf("%s Extension(%q) = %q, %q, %v; want %q, %q, %v", tt.code, tt.word, group, name, ok, tt.group, tt.name, tt.ok)
		}
	}
	for _, code := range Codes() {
		l, _ := Get(code)
		for _, w := range l.ExtensionWords() {
			if _, ok := l.Keyword(w); ok {
				t.Errorf("%s: extension word %q is a keyword", code, w)
			}
		}
	}
}
