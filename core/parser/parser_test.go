package parser

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/lexer"
	"github.com/multilingualprogramming/multilingual/core/source"
)

var (
	update  = flag.Bool("update", false, "rewrite the golden dump testdata/same.dump")
	genSame = flag.Bool("gen-same", false, "regenerate testdata/same/<code>.ml from testdata/same/en.ml")
)

func mustLang(t testing.TB, code string) *lang.Language {
	t.Helper()
	l, ok := lang.Get(code)
	if !ok {
		t.Fatalf("no language %q", code)
	}
	return l
}

// checkInside fails when an error position lies outside src.
func checkInside(t *testing.T, src string, errs source.ErrorList) {
	t.Helper()
	lines := strings.Split(src, "\n")
	inside := func(p source.Pos) bool {
		return p.Line >= 1 && int(p.Line) <= len(lines) &&
			p.Col >= 1 && int(p.Col) <= utf8.RuneCountInString(lines[p.Line-1])+1
	}
	for _, e := range errs {
		if !inside(e.Start) || !inside(e.End) || e.End.Before(e.Start) {
			t.Fatalf("error %q at %v-%v outside the source %q", e.Msg, e.Start, e.End, src)
		}
	}
}

// A chunk is one case of an errors.<code>.ml file.
type chunk struct {
	line int // line of the chunk in the file, for messages
	src  string
	want []*regexp.Regexp
}

// readChunks splits an error-test file into chunks separated by "---"
// lines; each chunk's lines starting with `### ` hold a quoted regexp that
// the chunk's errors, formatted "line:col: message", must match in order.
// The text between the quotes is the regexp itself, without Go escapes.
func readChunks(t *testing.T, name string) []chunk {
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var out []chunk
	cur := chunk{line: 1}
	var src []string
	flush := func() {
		cur.src = strings.Join(src, "\n") + "\n"
		out = append(out, cur)
	}
	for i, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		switch {
		case line == "---":
			flush()
			cur, src = chunk{line: i + 2}, nil
		case strings.HasPrefix(line, "### "):
			q := strings.TrimSpace(line[4:])
			if len(q) < 2 || q[0] != '"' || q[len(q)-1] != '"' {
				t.Fatalf("%s:%d: bad expectation %s", name, i+1, line)
			}
			re, err := regexp.Compile(q[1 : len(q)-1])
			if err != nil {
				t.Fatalf("%s:%d: %v", name, i+1, err)
			}
			cur.want = append(cur.want, re)
		default:
			src = append(src, line)
		}
	}
	flush()
	return out
}

func TestErrorFiles(t *testing.T) {
	files, _ := filepath.Glob("testdata/errors.*.ml")
	if len(files) < 2 {
		t.Fatalf("error files missing: %v", files)
	}
	for _, name := range files {
		code := strings.Split(filepath.Base(name), ".")[1]
		l := mustLang(t, code)
		for _, c := range readChunks(t, name) {
			_, errs := ParseFile("chunk.ml", c.src, l)
			checkInside(t, c.src, errs)
			var got []string
			for _, e := range errs {
				got = append(got, fmt.Sprintf("%d:%d: %s", e.Start.Line, e.Start.Col, e.Msg))
				if e.Lang != code || e.File != "chunk.ml" || e.Text != source.LineText(c.src, e.Start.Line) {
					t.Errorf("%s:%d: error fields %+v", name, c.line, e)
				}
			}
			if len(got) != len(c.want) {
				t.Errorf("%s:%d: got %d errors, want %d:\n  %s", name, c.line, len(got), len(c.want), strings.Join(got, "\n  "))
				continue
			}
			for i, re := range c.want {
				if !re.MatchString(got[i]) {
					t.Errorf("%s:%d: error %q does not match %q", name, c.line, got[i], re)
				}
			}
		}
	}
}

// generateSame writes the program of testdata/same/en.ml in language l:
// keywords, builtins and type names take l's first spelling, everything
// else stays byte for byte. It fails if an identifier of the program would
// mean something else in l.
func generateSame(t *testing.T, en string, l *lang.Language) string {
	english := mustLang(t, "en")
	f, errs := ParseFile("en.ml", en, english)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	typePos := map[source.Pos]bool{}
	var visitType func(*ast.TypeExpr)
	visitType = func(te *ast.TypeExpr) {
		if te == nil {
			return
		}
		typePos[te.Name.Pos.Start] = true
		for _, a := range te.Args {
			visitType(a)
		}
	}
	for _, d := range f.Funcs() {
		for _, p := range d.Params {
			visitType(p.Type)
		}
		visitType(d.Result)
	}
	toks, _ := lexer.Scan("en.ml", en, english)
	lines := strings.Split(en, "\n")
	runes := make([][]rune, len(lines))
	for i, s := range lines {
		runes[i] = []rune(s)
	}
	// Replace from the last token back, so earlier columns stay valid.
	for i := len(toks) - 1; i >= 0; i-- {
		tk := toks[i]
		var repl string
		switch {
		case tk.Kind == lexer.KEYWORD:
			repl = l.KeywordSpelling(tk.Keyword)
		case tk.Kind == lexer.NAME && typePos[tk.Span.Start]:
			c, _ := english.TypeName(tk.Text)
			repl = l.TypeSpelling(c)
		case tk.Kind == lexer.NAME:
			if c, ok := english.Builtin(tk.Text); ok {
				repl = l.BuiltinSpelling(c)
				break
			}
			if _, ok := l.Keyword(tk.Text); ok {
				t.Fatalf("%s: identifier %q is a keyword", l.Code, tk.Text)
			}
			if _, ok := l.Builtin(tk.Text); ok {
				t.Fatalf("%s: identifier %q is a builtin", l.Code, tk.Text)
			}
			continue
		default:
			continue
		}
		ln := tk.Span.Start.Line - 1
		r := runes[ln]
		runes[ln] = append(append(append([]rune{}, r[:tk.Span.Start.Col-1]...), []rune(repl)...), r[tk.Span.End.Col-1:]...)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# The program of en.ml in %s (%s), generated by go test -gen-same; do not edit.\n", l.Name, l.Code)
	body := false
	for _, r := range runes {
		s := string(r)
		if !body && (strings.HasPrefix(s, "#") || s == "") {
			continue // the English header comment
		}
		body = true
		b.WriteString(s)
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// TestSame parses the same program written in each of the 17 languages and
// checks that all give the tree of testdata/same.dump, then prints each tree
// in every language and parses it back to the same tree.
func TestSame(t *testing.T) {
	en, err := os.ReadFile("testdata/same/en.ml")
	if err != nil {
		t.Fatal(err)
	}
	if *genSame {
		for _, code := range lang.Codes() {
			if code == "en" {
				continue
			}
			out := generateSame(t, string(en), mustLang(t, code))
			if err := os.WriteFile(filepath.Join("testdata/same", code+".ml"), []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	f, errs := ParseFile("en.ml", string(en), mustLang(t, "en"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := DumpCanonical(f, mustLang(t, "en")) + "\n"
	if *update {
		if err := os.WriteFile("testdata/same.dump", []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	golden, err := os.ReadFile("testdata/same.dump")
	if err != nil {
		t.Fatal(err)
	}
	if string(golden) != want {
		t.Fatalf("en.ml no longer parses to same.dump (rerun with -update if intended):\n%s", want)
	}
	files := map[string]*ast.File{}
	for _, code := range lang.Codes() {
		l := mustLang(t, code)
		data, err := os.ReadFile(filepath.Join("testdata/same", code+".ml"))
		if err != nil {
			t.Errorf("%s: %v", code, err)
			continue
		}
		f, errs := ParseFile(code+".ml", string(data), l)
		if len(errs) > 0 {
			t.Errorf("%s: %v", code, errs)
			continue
		}
		if got := DumpCanonical(f, l) + "\n"; got != want {
			t.Errorf("%s.ml parses to a different tree:\n%s", code, got)
			continue
		}
		files[code] = f
	}
	for from, f := range files {
		for _, to := range lang.Codes() {
			lt := mustLang(t, to)
			out := Print(f, lt)
			g, errs := ParseFile("printed.ml", out, lt)
			if len(errs) > 0 {
				t.Errorf("%s printed in %s does not parse: %v\n%s", from, to, errs, out)
				continue
			}
			if got := DumpCanonical(g, lt) + "\n"; got != want {
				t.Errorf("%s printed in %s parses to a different tree:\n%s\n%s", from, to, out, got)
			}
		}
	}
}

func TestParseFileSpans(t *testing.T) {
	src := "déf f(a: liste[entier]) -> entier:\n    retour a[0] + f(a)\n"
	f, errs := ParseFile("s.ml", src, mustLang(t, "fr"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	d := f.Body[0].(*ast.FuncDef)
	ret := d.Body[0].(*ast.Return)
	sum := ret.Value.(*ast.Binary)
	tests := []struct {
		what string
		span source.Span
		want string
	}{
		{"def header", d.Span(), "1:1-1:35"},
		{"param", d.Params[0].Span(), "1:7-1:23"},
		{"param type", d.Params[0].Type.Span(), "1:10-1:23"},
		{"result", d.Result.Span(), "1:28-1:34"},
		{"return", ret.Span(), "2:5-2:23"},
		{"index", sum.X.Span(), "2:12-2:16"},
		{"call", sum.Y.Span(), "2:19-2:23"},
		{"op", sum.OpPos, "2:17-2:18"},
	}
	for _, tt := range tests {
		if got := tt.span.Start.String() + "-" + tt.span.End.String(); got != tt.want {
			t.Errorf("%s: span %s, want %s", tt.what, got, tt.want)
		}
	}
	if f.Name != "s.ml" || f.Lang != "fr" {
		t.Errorf("file %q lang %q", f.Name, f.Lang)
	}
}

func TestPartialTree(t *testing.T) {
	src := "x = 1\ny = = 2\nz = 3\n"
	f, errs := ParseFile("p.ml", src, nil)
	if len(errs) != 1 {
		t.Fatalf("errors %v", errs)
	}
	got := Dump(f)
	want := "(File\n  (Assign (Name x) (Int 1))\n  (Assign (Name z) (Int 3)))"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/same/*.ml")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err == nil {
			f.Add(string(data), strings.TrimSuffix(filepath.Base(name), ".ml"))
		}
	}
	errFiles, _ := filepath.Glob("testdata/errors.*.ml")
	for _, name := range errFiles {
		data, err := os.ReadFile(name)
		if err != nil {
			continue
		}
		code := strings.Split(filepath.Base(name), ".")[1]
		for _, c := range strings.Split(string(data), "\n---\n") {
			f.Add(c, code)
		}
	}
	f.Fuzz(func(t *testing.T, src, code string) {
		l, ok := lang.Get(code)
		if !ok {
			l = nil
		}
		file, errs := ParseFile("f.ml", src, l)
		checkInside(t, src, errs)
		if file == nil {
			t.Fatal("nil file")
		}
		_ = Dump(file)
		if len(errs) == 0 {
			// A program that parses prints back to the same tree.
			if l == nil {
				l = mustLang(t, "en")
			}
			out, renamed := printFile(file, l)
			g, errs2 := ParseFile("printed.ml", out, l)
			if len(errs2) > 0 {
				t.Fatalf("printed program does not parse: %v\n%s", errs2, out)
			}
			renameAll(file, renamed) // names spelled like keywords (Spanish y) get another name
			if a, b := DumpCanonical(file, l), DumpCanonical(g, l); a != b {
				t.Fatalf("print changed the tree:\n%s\n%s\n%s", out, a, b)
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	data, err := os.ReadFile("testdata/same/fr.ml")
	if err != nil {
		b.Fatal(err)
	}
	l := mustLang(b, "fr")
	src := strings.Repeat(string(data), 20)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		ParseFile("b.ml", src, l)
	}
}

// TestNamesAreNFKC checks that identifiers are read as Python reads them:
// two spellings of one NFKC name are the same name.
func TestNamesAreNFKC(t *testing.T) {
	src := "cafe\u0301 = 1\nprint(caf\u00e9, \ufb01le, ｘ)\n"
	f, errs := ParseFile("n.ml", src, mustLang(t, "en"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	got := DumpPython(f, mustLang(t, "en"))
	for _, want := range []string{"Name(id='café', ctx=Store())", "Name(id='café', ctx=Load())", "Name(id='file', ctx=Load())", "Name(id='x', ctx=Load())"} {
		if !strings.Contains(got, want) {
			t.Errorf("dump lacks %s:\n%s", want, got)
		}
	}
}
