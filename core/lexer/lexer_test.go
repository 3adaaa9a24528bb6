package lexer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/source"
)

func mustLang(t testing.TB, code string) *lang.Language {
	t.Helper()
	l, ok := lang.Get(code)
	if !ok {
		t.Fatalf("no language %q", code)
	}
	return l
}

// dump returns the tokens of src, without the final EOF, one String each.
func dump(toks []Token) string {
	var parts []string
	for _, t := range toks {
		if t.Kind == EOF {
			break
		}
		parts = append(parts, t.String())
	}
	return strings.Join(parts, " ")
}

func TestScan(t *testing.T) {
	tests := []struct {
		code, src, want string
	}{
		{"en", "x = 1", "NAME(x) = INT(1) NEWLINE"},
		{"en", "x = 1\n", "NAME(x) = INT(1) NEWLINE"},
		{"en", "", ""},
		{"en", "\n\n# only a comment\n   \n", ""},
		{"en", "if x:\n    y\nz\n", "KW(if) NAME(x) : NEWLINE INDENT NAME(y) NEWLINE DEDENT NAME(z) NEWLINE"},
		{"en", "if a:\n  if b:\n    c\nd", "KW(if) NAME(a) : NEWLINE INDENT KW(if) NAME(b) : NEWLINE INDENT NAME(c) NEWLINE DEDENT DEDENT NAME(d) NEWLINE"},
		{"en", "if a:\n  b\n", "KW(if) NAME(a) : NEWLINE INDENT NAME(b) NEWLINE DEDENT"},
		// Blank and comment-only lines do not affect indentation.
		{"en", "if a:\n\n        # deep comment\n  b\n\n# c\n  c\n", "KW(if) NAME(a) : NEWLINE INDENT NAME(b) NEWLINE NAME(c) NEWLINE DEDENT"},
		// Implicit line joining inside brackets, and backslash continuation.
		{"en", "f(1,\n      2)\nx = [\n1]\n", "NAME(f) ( INT(1) , INT(2) ) NEWLINE NAME(x) = [ INT(1) ] NEWLINE"},
		{"en", "x = 1 + \\\n  2\n", "NAME(x) = INT(1) + INT(2) NEWLINE"},
		{"en", "x = 1 # trailing\n", "NAME(x) = INT(1) NEWLINE"},
		{"en", "a not in b is not c", "NAME(a) KW(not in) NAME(b) KW(is) KW(not) NAME(c) NEWLINE"},
		{"en", "not inside", "KW(not) NAME(inside) NEWLINE"},
		{"en", "def f(n: int) -> int:", "KW(def) NAME(f) ( NAME(n) : NAME(int) ) -> NAME(int) : NEWLINE"},
		{"en", "fn f(): pass", "KW(def) NAME(f) ( ) : KW(pass) NEWLINE"},
		{"en", "class import lambda", "KW(class) KW(import) KW(lambda) NEWLINE"},
		// French: accents, phrases across several blanks, alternate spellings.
		{"fr", "déf f():\n    retour Vrai", "KW(def) NAME(f) ( ) : NEWLINE INDENT KW(return) KW(True) NEWLINE DEDENT"},
		{"fr", "sinon si x", "KW(elif) NAME(x) NEWLINE"},
		{"fr", "sinon   si x", "KW(elif) NAME(x) NEWLINE"},
		{"fr", "sinonsi x", "KW(elif) NAME(x) NEWLINE"},
		{"fr", "sinon:\n si", "KW(else) : NEWLINE INDENT KW(if) NEWLINE DEDENT"},
		{"fr", "sinon\\\nsi", "KW(else) KW(if) NEWLINE"}, // phrases do not cross lines
		{"fr", "pour chaque x dans y", "KW(for) NAME(x) KW(in) NAME(y) NEWLINE"},
		{"fr", "pour x dans y", "KW(for) NAME(x) KW(in) NAME(y) NEWLINE"},
		{"fr", "x pas dans y", "NAME(x) KW(not in) NAME(y) NEWLINE"},
		{"fr", "x non dans y", "NAME(x) KW(not in) NAME(y) NEWLINE"},
		{"fr", "non x", "KW(not) NAME(x) NEWLINE"},
		{"fr", "si", "KW(if) NEWLINE"},
		{"fr", "if", "NAME(if) NEWLINE"}, // English keywords are names in French
		{"de", "x nicht in y", "NAME(x) KW(not in) NAME(y) NEWLINE"},
		{"pt", "senão se x", "KW(elif) NAME(x) NEWLINE"},
		{"pt", "para cada x em y", "KW(for) NAME(x) KW(in) NAME(y) NEWLINE"},
		{"ta", "x இல் இல்லை y", "NAME(x) KW(not in) NAME(y) NEWLINE"},
		{"ta", "இல்லை:", "KW(else) : NEWLINE"},
		// Unicode identifiers stay whole, combining marks included.
		{"hi", "परिभाषा योग(संख्या):", "KW(def) NAME(योग) ( NAME(संख्या) ) : NEWLINE"},
		{"ta", "வரையறு கூட்டு(எண்):", "KW(def) NAME(கூட்டு) ( NAME(எண்) ) : NEWLINE"},
		{"bn", "সংজ্ঞা যোগফল(সংখ্যা):", "KW(def) NAME(যোগফল) ( NAME(সংখ্যা) ) : NEWLINE"},
		{"ja", "関数 合計(数):", "KW(def) NAME(合計) ( NAME(数) ) : NEWLINE"},
		{"ja", "関数名 = 1", "NAME(関数名) = INT(1) NEWLINE"},
		{"zh", "如果 x 不在 y:", "KW(if) NAME(x) KW(not in) NAME(y) : NEWLINE"},
		{"ar", "دالة مجموع(عدد):", "KW(def) NAME(مجموع) ( NAME(عدد) ) : NEWLINE"},
		{"en", "x_1 _y y2", "NAME(x_1) NAME(_y) NAME(y2) NEWLINE"},
		{"en", "x\u3000=\u30001", "NAME(x) = INT(1) NEWLINE"},
		{"en", "\uFEFFx", "NAME(x) NEWLINE"},
		{"en", "x = 1\r\ny = 2\r\n", "NAME(x) = INT(1) NEWLINE NAME(y) = INT(2) NEWLINE"},
		// Numbers.
		{"en", "1_000 1.5 .5 1e3 1.5E-3 1. 0 00 0x1F 0o17 0b101 0X_ff", "INT(1000) FLOAT(1.5) FLOAT(.5) FLOAT(1e3) FLOAT(1.5e-3) FLOAT(1.) INT(0) INT(00) INT(31) INT(15) INT(5) INT(255) NEWLINE"},
		{"en", "0x123456789abcdef0123456789", "INT(90144042682896311822508713865) NEWLINE"},
		{"hi", "x = १२३ + ४.५", "NAME(x) = INT(123) + FLOAT(4.5) NEWLINE"},
		{"ar", "٤٢ ٣٫١٤ ۱۲", "INT(42) FLOAT(3.14) INT(12) NEWLINE"},
		{"bn", "৭৮", "INT(78) NEWLINE"},
		{"ta", "௧௦", "INT(10) NEWLINE"},
		{"ja", "１２３", "INT(123) NEWLINE"},
		{"en", "a.b 1 .x", "NAME(a) . NAME(b) INT(1) . NAME(x) NEWLINE"},
		{"en", "x[1].y", "NAME(x) [ INT(1) ] . NAME(y) NEWLINE"},
		// Strings.
		{"en", `'a' "b" 'it\'s' "t\tn\n" '\\' '\u00e9\x41\101' '\q'`, `STRING("a") STRING("b") STRING("it's") STRING("t\tn\n") STRING("\\") STRING("éAA") STRING("\\q") NEWLINE`},
		{"fr", "« bonjour » “x” ‘y’ 「z」", `STRING(" bonjour ") STRING("x") STRING("y") STRING("z") NEWLINE`},
		{"en", "'''a\nb''' \"\"\"c\"d\"\"\"", `STRING("a\nb") STRING("c\"d") NEWLINE`},
		{"en", "'a\\\nb'", `STRING("ab") NEWLINE`},
		{"en", `"«'»"`, `STRING("«'»") NEWLINE`},
		// Operators, with their Unicode alternatives.
		{"en", "+ - * / // % ** == != < <= > >= = += -= *= /= //= %= **= ( ) [ ] , : . -> ;", "+ - * / // % ** == != < <= > >= = += -= *= /= //= %= **= ( ) [ ] , : . -> ; NEWLINE"},
		{"en", "a × b ÷ c − d ⋅ e", "NAME(a) * NAME(b) / NAME(c) - NAME(d) * NAME(e) NEWLINE"},
		{"en", "≤ ≥ ≠ → ＝＝ ＜＝ ＋ － ＊＊ ／／ ％ ＝", "<= >= != -> == <= + - ** // % = NEWLINE"},
		{"en", "（１，２）［０］：", "( INT(1) , INT(2) ) [ INT(0) ] : NEWLINE"},
		{"ar", "f(١، ٢)", "NAME(f) ( INT(1) , INT(2) ) NEWLINE"},
		{"en", "a<-b a**-1", "NAME(a) < - NAME(b) NAME(a) ** - INT(1) NEWLINE"},
		{"en", "a & b | c ^ ~d << e >> f := {}", "NAME(a) & NAME(b) | NAME(c) ^ ~ NAME(d) << NAME(e) >> NAME(f) := { } NEWLINE"},
		{"en", "a &= b |= c ^= d <<= e >>= f", "NAME(a) &= NAME(b) |= NAME(c) ^= NAME(d) <<= NAME(e) >>= NAME(f) NEWLINE"},
		{"en", "a ≪ b ≫= c ≪＝ d ＆＝ e ｜ f ＾ g ～ h ≤= i", "NAME(a) << NAME(b) >>= NAME(c) <<= NAME(d) &= NAME(e) | NAME(f) ^ NAME(g) ~ NAME(h) <= = NAME(i) NEWLINE"},
		{"en", "a<<=b>>c", "NAME(a) <<= NAME(b) >> NAME(c) NEWLINE"},
		// Decorators, matrix products and the ellipsis.
		{"en", "@dec\ndef f(): ...", "@ NAME(dec) NEWLINE KW(def) NAME(f) ( ) : ... NEWLINE"},
		{"en", "a @ b; a @= b", "NAME(a) @ NAME(b) ; NAME(a) @= NAME(b) NEWLINE"},
		{"en", "a＠b ＠＝ ．．．", "NAME(a) @ NAME(b) @= ... NEWLINE"},
		{"en", "x[..., 1] a.b .. ....", "NAME(x) [ ... , INT(1) ] NAME(a) . NAME(b) . . ... . NEWLINE"},
		{"en", "x...y 1...", "NAME(x) ... NAME(y) INT(1) ... NEWLINE"},
		// Imaginary literals.
		{"en", "2j 1.5J 1e3j .5j 1.j 1_0j 012j 0j 1_0.5e-1_0J", "IMAG(2) IMAG(1.5) IMAG(1e3) IMAG(.5) IMAG(1.) IMAG(10) IMAG(012) IMAG(0) IMAG(10.5e-10) NEWLINE"},
		{"hi", "४j", "IMAG(4) NEWLINE"},
		{"en", "1 if x else 2j", "INT(1) KW(if) NAME(x) KW(else) IMAG(2) NEWLINE"},
		{"en", "1_000.000_1 012.5 00 0_0 012e3", "FLOAT(1000.0001) FLOAT(012.5) INT(00) INT(00) FLOAT(012e3) NEWLINE"},
		// String prefixes, in any case; a prefix-like name before a Unicode quote stays a name.
		{"en", `r'\n' R"\d" u'x' U'y' b'z' B'w' br'\x' Rb'\x' bR'' rB''`, `STRING("\\n") STRING("\\d") STRING("x") STRING("y") BYTES("z") BYTES("w") BYTES("\\x") BYTES("\\x") BYTES("") BYTES("") NEWLINE`},
		{"en", `f'' F"" fr'' Rf"" rF'' FR""`, "FSTRING() FSTRING() FSTRING() FSTRING() FSTRING() FSTRING() NEWLINE"},
		{"en", `ur'' bf'' xr'' rr''`, `NAME(ur) STRING("") NAME(bf) STRING("") NAME(xr) STRING("") NAME(rr) STRING("") NEWLINE`},
		{"fr", "f«x» r«\\n»", `NAME(f) STRING("x") NAME(r) STRING("\n") NEWLINE`},
		{"en", "fr = r; b = rb", "NAME(fr) = NAME(r) ; NAME(b) = NAME(rb) NEWLINE"},
		{"en", `b'\x00\xff\377\777\u00e9\N{X}\n'`, `BYTES("\x00\xff\xff\xff\\u00e9\\N{X}\n") NEWLINE`},
		{"en", `'\»' «\»»`, `STRING("\\»") STRING("»") NEWLINE`},
		{"en", "r'\\\\' r'\\'' r\"\\\"\" r'a\\\nb'", `STRING("\\\\") STRING("\\'") STRING("\\\"") STRING("a\\\nb") NEWLINE`},
		{"en", "r'''a\\'''' '''b'''", `STRING("a\\'") STRING("b") NEWLINE`},
		{"en", "'''x\n\n  y'''\nz", `STRING("x\n\n  y") NEWLINE NAME(z) NEWLINE`},
		{"en", `'\8' '\9\0' '\1234'`, `STRING("\\8") STRING("\\9\x00") STRING("S4") NEWLINE`},
		// F-strings.
		{"en", `f"a{x}b"`, `FSTRING("a" {"x"} "b") NEWLINE`},
		{"en", `f"{x!r:>{w}.{p}f} {y=} {{z}}"`, `FSTRING({"x" !r :">" {"w"} "." {"p"} "f"} " " {"y" debug="y="} " {z}") NEWLINE`},
		{"en", "f'''a\n{x\n+ y}\nb'''", `FSTRING("a\n" {"x\n+ y"} "\nb") NEWLINE`},
		{"en", `f"{f'{x}'}" rf"\{x}\n"`, `FSTRING({"f'{x}'"}) FSTRING("\\" {"x"} "\\n") NEWLINE`},
		// Line structure: a form feed at line start, tabs, brackets spanning lines.
		{"en", "\fx\n\f  \fy", "NAME(x) NEWLINE NAME(y) NEWLINE"},
		{"en", "if a:\n\tb\n\f\tc", "KW(if) NAME(a) : NEWLINE INDENT NAME(b) NEWLINE NAME(c) NEWLINE DEDENT"},
		{"en", "{\n1:\n2}[\n0]", "{ INT(1) : INT(2) } [ INT(0) ] NEWLINE"},
		{"en", "x = (1, # one\n     2)", "NAME(x) = ( INT(1) , INT(2) ) NEWLINE"},
	}
	for _, tt := range tests {
		toks, errs := Scan("t.ml", tt.src, mustLang(t, tt.code))
		if len(errs) > 0 {
			t.Errorf("[%s] %q: unexpected errors: %v", tt.code, tt.src, errs)
		}
		if got := dump(toks); got != tt.want {
			t.Errorf("[%s] %q:\n got %s\nwant %s", tt.code, tt.src, got, tt.want)
		}
		if last := toks[len(toks)-1]; last.Kind != EOF {
			t.Errorf("[%s] %q: last token %v, want EOF", tt.code, tt.src, last)
		}
	}
}

func TestSpans(t *testing.T) {
	src := "si x:\n\tretour «é»  # c\nsinon  si y ≤ १०:\n    passer\n"
	toks, errs := Scan("t.ml", src, mustLang(t, "fr"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var got []string
	for _, tk := range toks {
		got = append(got, tk.Kind.String()+"@"+tk.Span.Start.String()+"-"+tk.Span.End.String())
	}
	want := []string{
		"KEYWORD@1:1-1:3", "NAME@1:4-1:5", ":@1:5-1:6", "NEWLINE@1:6-2:1",
		"INDENT@2:1-2:2", "KEYWORD@2:2-2:8", "STRING@2:9-2:12", "NEWLINE@2:17-3:1",
		"DEDENT@3:1-3:1", "KEYWORD@3:1-3:10", "NAME@3:11-3:12", "<=@3:13-3:14", "INT@3:15-3:17", ":@3:17-3:18", "NEWLINE@3:18-4:1",
		"INDENT@4:1-4:5", "KEYWORD@4:5-4:11", "NEWLINE@4:11-5:1",
		"DEDENT@5:1-5:1", "EOF@5:1-5:1",
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("spans:\n got %v\nwant %v", got, want)
	}
	if toks[9].Text != "sinon  si" || toks[12].Text != "१०" || toks[12].Value != "10" {
		t.Errorf("text/value: %q %q %q", toks[9].Text, toks[12].Text, toks[12].Value)
	}
}

func TestErrors(t *testing.T) {
	tests := []errorTest{
		{"en", "x = $ + 1", []string{"1:5: unexpected character '$'"}, "NAME(x) = ILLEGAL + INT(1) NEWLINE"},
		{"fr", "x = $", []string{"1:5: caractère inattendu '$'"}, ""},
		{"en", "a ! b", []string{"1:3: unexpected character '!'"}, ""},
		{"en", "x = 'abc\ny = 2", []string{"1:5: unterminated string"}, `NAME(x) = STRING("abc") NEWLINE NAME(y) = INT(2) NEWLINE`},
		{"en", "x = \"\"\"abc", []string{"1:5: unterminated string"}, ""},
		{"fr", "x = «abc", []string{"1:5: chaîne non terminée"}, ""},
		{"en", `'\x4'`, []string{`1:2: invalid escape sequence '\x4'`}, ""},
		{"en", "if a:\n    b\n  c\n", []string{"3:1: unindent does not match any outer indentation level"}, ""},
		{"en", "if a:\n        b\n    c\n", []string{"3:1: unindent does not match"}, ""},
		// Tabs and spaces: 8 spaces vs one tab agree at width 8 but not at width 1.
		{"en", "if a:\n        b\n\tc\n", []string{"3:1: inconsistent use of tabs and spaces"}, ""},
		{"en", "if a:\n\tb\n        c\n", []string{"3:1: inconsistent use of tabs and spaces"}, ""},
		{"en", "if a:\n    \tb\n\tc\n", []string{"3:1: inconsistent use of tabs and spaces"}, ""},
		{"en", "if a:\n\tif b:\n\t\tc\n", nil, "KW(if) NAME(a) : NEWLINE INDENT KW(if) NAME(b) : NEWLINE INDENT NAME(c) NEWLINE DEDENT DEDENT"},
		{"en", "f(1,\n2", []string{"1:2: '(' was never closed"}, "NAME(f) ( INT(1) , INT(2) NEWLINE"},
		{"en", "x)\ny", []string{"1:2: unmatched ')'"}, "NAME(x) NEWLINE NAME(y) NEWLINE"},
		{"en", "(x]", []string{"1:3: closing ']' does not match opening '('"}, ""},
		{"en", "12abc", []string{"1:1: invalid number literal '12abc'"}, ""},
		{"en", "1__0 1_", []string{"1:1: invalid number literal '1__0'", "1:6: invalid number literal '1_'"}, ""},
		{"en", "0x", []string{"1:1: invalid number literal '0x'"}, ""},
		{"en", "0b12", []string{"1:1: invalid number literal '0b12'"}, ""},
		{"en", "007", []string{"1:1: leading zeros"}, ""},
		{"en", "if a:\n\u3000b\n", []string{"2:1: invalid character U+3000 in indentation"}, ""},
		{"en", "x = \x01", []string{"1:5: unexpected character U+0001"}, ""},
	}
	checkErrors(t, tests)
}

// An errorTest is a source with the errors Scan must report, each as
// "line:col: message prefix", and when toks is not empty the tokens it
// still produces.
type errorTest struct {
	code, src string
	want      []string
	toks      string
}

func checkErrors(t *testing.T, tests []errorTest) {
	t.Helper()
	for _, tt := range tests {
		toks, errs := Scan("t.ml", tt.src, mustLang(t, tt.code))
		checkInside(t, tt.src, toks, errs)
		if len(errs) != len(tt.want) {
			t.Errorf("[%s] %q: got errors %v, want %v", tt.code, tt.src, errs, tt.want)
			continue
		}
		for i, e := range errs {
			got := e.Start.String() + ": " + e.Msg
			if !strings.HasPrefix(got, tt.want[i]) {
				t.Errorf("[%s] %q: error %d = %q, want prefix %q", tt.code, tt.src, i, got, tt.want[i])
			}
			if e.File != "t.ml" || e.Lang != tt.code || e.Text != source.LineText(tt.src, e.Start.Line) {
				t.Errorf("[%s] %q: error fields %+v", tt.code, tt.src, e)
			}
		}
		if tt.toks != "" {
			if got := dump(toks); got != tt.toks {
				t.Errorf("[%s] %q: tokens\n got %s\nwant %s", tt.code, tt.src, got, tt.toks)
			}
		}
	}
}

func TestNilLanguageIsEnglish(t *testing.T) {
	toks, errs := Scan("", "if x: pass", nil)
	if len(errs) > 0 || dump(toks) != "KW(if) NAME(x) : KW(pass) NEWLINE" {
		t.Errorf("got %s %v", dump(toks), errs)
	}
}

// checkInside fails when a token or error position lies outside src.
func checkInside(t *testing.T, src string, toks []Token, errs source.ErrorList) {
	lines := strings.Split(src, "\n")
	inside := func(p source.Pos) bool {
		if p.Line < 1 || int(p.Line) > len(lines) {
			return false
		}
		return p.Col >= 1 && int(p.Col) <= utf8.RuneCountInString(lines[p.Line-1])+1
	}
	for _, tk := range toks {
		if !inside(tk.Span.Start) || !inside(tk.Span.End) || tk.Span.End.Before(tk.Span.Start) {
			t.Fatalf("token %v at %v-%v outside the source %q", tk, tk.Span.Start, tk.Span.End, src)
		}
	}
	for _, e := range errs {
		if !inside(e.Start) || !inside(e.End) {
			t.Fatalf("error %q at %v-%v outside the source %q", e.Msg, e.Start, e.End, src)
		}
	}
	if len(toks) == 0 || toks[len(toks)-1].Kind != EOF {
		t.Fatalf("no final EOF for %q", src)
	}
	depth := 0
	for _, tk := range toks {
		switch tk.Kind {
		case INDENT:
			depth++
		case DEDENT:
			depth--
		}
		if depth < 0 {
			t.Fatalf("DEDENT without INDENT in %q", src)
		}
	}
	if depth != 0 {
		t.Fatalf("unbalanced INDENT/DEDENT in %q", src)
	}
}

func FuzzLex(f *testing.F) {
	for _, dir := range []string{"testdata", "../parser/testdata", "../parser/testdata/same"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.ml"))
		for _, name := range files {
			data, err := os.ReadFile(name)
			if err == nil {
				f.Add(string(data), strings.Split(filepath.Base(name), ".")[len(strings.Split(filepath.Base(name), "."))-2])
			}
		}
	}
	f.Add("si x:\n\tretour «é»\nsinon  si y ≤ १०:\n    pass\n", "fr")
	f.Add("if a:\n        b\n\tc\n", "en")
	f.Add("x = '''abc\n", "en")
	f.Add(`f"{x!r:>{w}} {y = } {{z}} {'}'} {"a"} {f'{n}'}" rb'\x00' 2j a @ b ...`, "en")
	f.Add("f'''{\n x # c\n}''' f\"{x\ny = 1\n", "en")
	f.Add(`f"{x:{y:{z:{w}}}}" f"{x!" f"{=}" f"}" b'é' '\N{DASH}'`, "en")
	f.Add("f'{x si y sinon z:>{l}}' « {a} »", "fr")
	f.Fuzz(func(t *testing.T, src, code string) {
		l, ok := lang.Get(code)
		if !ok {
			l = nil
		}
		toks, errs := Scan("f.ml", src, l)
		checkInside(t, src, toks, errs)
		checkFieldsInFile(t, src, l)
	})
}

// TestTestdata scans the sample files of testdata, which use every form of
// literal, without an error.
func TestTestdata(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.ml")
	if len(files) == 0 {
		t.Fatal("no testdata/*.ml")
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		parts := strings.Split(filepath.Base(name), ".")
		l := mustLang(t, parts[len(parts)-2])
		toks, errs := Scan(name, string(data), l)
		if len(errs) > 0 {
			t.Errorf("%s: %v", name, errs)
		}
		checkInside(t, string(data), toks, errs)
		if n := checkFieldsInFile(t, string(data), l); n == 0 {
			t.Errorf("%s: no f-string fields", name)
		}
	}
}

func BenchmarkScan(b *testing.B) {
	data, err := os.ReadFile("../parser/testdata/same/fr.ml")
	if err != nil {
		b.Skip(err)
	}
	l := mustLang(b, "fr")
	src := strings.Repeat(string(data), 20)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Scan("b.ml", src, l)
	}
}

func TestLineTextAgreesWithSource(t *testing.T) {
	for _, text := range []string{"", "a", "a\n", "a\r\nb\r\n\r\nc", "\n\n", "x\ny\rz\n"} {
		s := &scanner{text: text}
		for n := int32(-1); n < 7; n++ {
			if got, want := s.lineText(n), source.LineText(text, n); got != want {
				t.Errorf("%q line %d: got %q, want %q", text, n, got, want)
			}
		}
	}
}
