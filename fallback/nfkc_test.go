package fallback

import (
	"encoding/json"
	"math/rand"
	"strings"
	"testing"
)

func TestIsStableIdent(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"x", true},
		{"_x1", true},
		{"résultat", true},        // precomposed é
		{"re\u0301sultat", false}, // e + combining acute: NFC composes it
		{"größe", true},           // ö, ß
		{"ｘ", false},              // full-width x
		{"ﬁn", false},             // fi ligature
		{"x²", false},             // superscript two
		{"ſ", false},              // long s
		{"µ", false},              // micro sign (NFKC: Greek mu)
		{"μ", true},               // Greek mu
		{"Ω", true},               // Greek omega
		{"\u2126", false},         // ohm sign, a canonical singleton
		{"संख्या", true},          // Devanagari with virama and vowel signs
		{"जोड़", true},            // ड + nukta: U+095C is excluded, so it stays decomposed
		{"\u095B", false},         // U+095B, excluded from composition: NFC decomposes it
		{"\u0929", true},          // precomposed ऩ
		{"\u0928\u093C", false},   // न + nukta composes to ऩ
		{"क\u094D\u093C", false},  // virama then nukta is reordered
		{"क\u093C\u094D", true},   // nukta then virama is canonical order
		{"合計", true},              // CJK
		{"けっか", true},             // hiragana
		{"カウント", true},            // katakana with prolonged sound mark
		{"ｶ", false},              // half-width katakana
		{"か\u3099", false},        // combining voicing mark composes to が
		{"が", true},               // precomposed が
		{"\uF900", false},         // CJK compatibility ideograph
		{"எண்", true},             // Tamil with virama
		{"\u0BC6\u0BBE", false},   // Tamil two-part vowel composes
		{"கொ", true},              // precomposed Tamil o
		{"সংখ্যা", true},          // Bengali
		{"\u09C7\u09BE", false},   // Bengali two-part vowel composes
		{"عدد", true},             // Arabic
		{"عَدد", false},           // Arabic with fatha
		{"число", true},           // Cyrillic
		{"1x", false},             // digit first
		{"\u094Dक", false},        // mark first
		{"a\u094D", false},        // Devanagari mark after a Latin letter
		{"x-y", false},            // not an identifier
		{"", false},               // empty
		{"한국어", true},             // Hangul syllables
		{"\u1100\u1161", false},   // conjoining jamo compose
		{"\U00020000", true},      // CJK Extension B
		{"\U0002EBF0", false},     // CJK Extension I, after Unicode 13
		{"\u9FFD", false},         // added in Unicode 14
	}
	for _, tt := range tests {
		if got := isStableIdent(tt.name); got != tt.want {
			t.Errorf("isStableIdent(%q %U) = %v, want %v", tt.name, []rune(tt.name), got, tt.want)
		}
	}
}

func TestEscapeIdent(t *testing.T) {
	tests := []struct{ in, want string }{
		{"x", "x"},
		{"ｘ", "_uFF58"},
		{"aｘb", "a_uFF58b"},
		{"1x", "_u0031x"},
		{"\u0928\u093Cक", "न_u093Cक"},
		// The nukta goes; the virama still follows its consonant.
		{"क\u094D\u093C", "क\u094D_u093C"},
		// The nukta goes, and then the virama would follow '_': it goes too.
		{"\u0928\u093C\u094D", "न_u093C_u094D"},
		{"x-y", "x_u002Dy"},
		{"", "_"},
	}
	for _, tt := range tests {
		got := escapeIdent(tt.in)
		if got != tt.want {
			t.Errorf("escapeIdent(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if !isStableIdent(got) {
			t.Errorf("escapeIdent(%q) = %q is not stable", tt.in, got)
		}
	}
}

// TestStableRangesAgainstPython checks every rune of the allow-list, alone
// and after a letter, with Python's own NFKC and identifier rules.
func TestStableRangesAgainstPython(t *testing.T) {
	var singles []int
	for _, rg := range stableRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			if !inStableRange(r) {
				continue
			}
			if isStableIdent(string(r)) {
				singles = append(singles, int(r))
			}
		}
	}
	js, _ := json.Marshal(singles)
	driver := `import json, unicodedata
bad = []
for c in map(chr, json.loads(open("singles.json").read())):
    if unicodedata.normalize("NFKC", c) != c or not c.isidentifier():
        bad.append("%04X" % ord(c))
print(len(bad), " ".join(bad[:50]))
`
	out := runPythonFiles(t, map[string]string{"singles.json": string(js)}, driver)
	if !strings.HasPrefix(out, "0 ") {
		t.Errorf("runs the allow-list keeps that Python changes: %s", out)
	}
}

// TestStableAgainstPythonRandom builds many short names from runes chosen
// to stress the rules (marks of every allowed block, composing pairs,
// compatibility characters) and checks every name isStableIdent accepts
// with Python: a false "stable" would merge distinct names.
func TestStableAgainstPythonRandom(t *testing.T) {
	var pool []rune
	for r := rune(0x0900); r <= 0x097F; r++ {
		pool = append(pool, r)
	}
	for r := rune(0x0980); r <= 0x09FF; r++ {
		pool = append(pool, r)
	}
	for r := rune(0x0B80); r <= 0x0BFF; r++ {
		pool = append(pool, r)
	}
	pool = append(pool, []rune("aezéñöÅıİĳǅΩΩμµйё合計かが\u3099ｶカー_1ﬁ²ﬀ한\u1161عَ")...)
	pool = append(pool, 0x0301, 0x0323, 0x0308, 0x0654, 0x0655, 0x0929, 0x0931, 0x0934)
	rng := rand.New(rand.NewSource(1))
	var names []string
	seen := map[string]bool{}
	for len(names) < 20000 {
		n := 1 + rng.Intn(5)
		rs := make([]rune, n)
		for i := range rs {
			rs[i] = pool[rng.Intn(len(pool))]
		}
		s := string(rs)
		if isStableIdent(s) && !seen[s] {
			seen[s] = true
			names = append(names, s)
		}
	}
	// Every pair of the three Indic blocks after a consonant too.
	for _, blk := range markBlocks {
		for a := blk[0]; a <= blk[1]; a++ {
			for b := blk[0]; b <= blk[1]; b++ {
				s := string([]rune{blk[0] + 0x15, a, b})
				if isStableIdent(s) && !seen[s] {
					seen[s] = true
					names = append(names, s)
				}
			}
		}
	}
	js, _ := json.Marshal(names)
	driver := `import json, unicodedata
bad = [s for s in json.loads(open("names.json", encoding="utf-8").read())
       if unicodedata.normalize("NFKC", s) != s or not s.isidentifier()]
print(len(bad), " ".join(" ".join("%04X" % ord(c) for c in s) + ";" for s in bad[:20]))
`
	out := runPythonFiles(t, map[string]string{"names.json": string(js)}, driver)
	if !strings.HasPrefix(out, "0 ") {
		t.Errorf("names judged stable that Python changes: %s", out)
	}
	t.Logf("%d names checked", len(names))
}

// TestEscapeAgainstPython checks that escaped names are valid and stable
// in Python and stay distinct from each other.
func TestEscapeAgainstPython(t *testing.T) {
	ins := []string{"ｘ", "x", "ﬁ", "fi", "x²", "x2", "\u0928\u093C", "\u0929", "ｶ", "カ",
		"re\u0301sultat", "résultat", "क\u094D\u093C", "\u2126", "\u03A9", "1x"}
	var outs []string
	seen := map[string]string{}
	for _, in := range ins {
		o := escapeIdent(in)
		if prev, dup := seen[o]; dup {
			t.Errorf("escapeIdent(%q) = escapeIdent(%q) = %q", in, prev, o)
		}
		seen[o] = in
		outs = append(outs, o)
	}
	js, _ := json.Marshal(outs)
	driver := `import json, unicodedata
names = json.loads(open("names.json", encoding="utf-8").read())
norm = [unicodedata.normalize("NFKC", s) for s in names]
print(all(s.isidentifier() for s in names), norm == names, len(set(norm)) == len(names))
`
	if out := runPythonFiles(t, map[string]string{"names.json": string(js)}, driver); out != "True True True\n" {
		t.Errorf("escaped names in Python: %s (%q)", out, outs)
	}
}
