package parser

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/lang"
)

// The corpus of testdata/python holds English programs (that is, Python)
// covering every node of the tree. CPython is the oracle: DumpPython of
// our parse of each file must equal CPython's ast.dump of it, and the file
// printed in any language must parse back to the same dump.

func corpusFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("testdata/python/*.py")
	if err != nil || len(files) < 15 {
		t.Fatalf("corpus testdata/python/*.py missing or too small: %v %v", files, err)
	}
	sort.Strings(files)
	return files
}

// dumpScript prints a JSON object mapping each file named on the command
// line to CPython's dump of it (or to the syntax error it raises), or
// exits with status 3 when the interpreter is not Python 3.11, whose dump
// format the test expects.
const dumpScript = `
import ast, json, sys
if sys.version_info[:2] != (3, 11):
    sys.exit(3)
out = {}
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as fh:
        try:
            out[path] = ast.dump(ast.parse(fh.read(), filename=path))
        except SyntaxError as err:
            out[path] = "SyntaxError: %s (line %s)" % (err.msg, err.lineno)
json.dump(out, sys.stdout)
`

// cpythonDumps runs CPython 3.11 once over files and returns its dumps by
// file name. It skips the test when no CPython 3.11 is installed.
func cpythonDumps(t *testing.T, files []string) map[string]string {
	t.Helper()
	for _, exe := range []string{"python3.11", "python3"} {
		path, err := exec.LookPath(exe)
		if err != nil {
			continue
		}
		cmd := exec.Command(path, append([]string{"-c", dumpScript}, files...)...)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		var exit *exec.ExitError
		if errors.As(err, &exit) && exit.ExitCode() == 3 {
			continue // not Python 3.11
		}
		if err != nil {
			t.Fatalf("%s: %v\n%s", exe, err, stderr.String())
		}
		dumps := map[string]string{}
		if err := json.Unmarshal(out, &dumps); err != nil {
			t.Fatalf("%s: bad output: %v", exe, err)
		}
		return dumps
	}
	t.Skip("no CPython 3.11 (python3.11 or python3) to compare with")
	return nil
}

// TestDumpPythonMatchesCPython parses each corpus program and checks that
// DumpPython gives CPython's ast.dump of it. It also prints the tree in
// English and checks that CPython parses the output to the same dump, so
// that Print writes Python (3.11, whose f-strings are the strictest).
func TestDumpPythonMatchesCPython(t *testing.T) {
	files := corpusFiles(t)
	en := mustLang(t, "en")
	dir := t.TempDir()
	trees := map[string]*ast.File{}
	errs := map[string]error{}
	args := append([]string(nil), files...)
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, perrs := ParseFile(name, string(src), en)
		if len(perrs) > 0 {
			errs[name] = perrs
			continue
		}
		trees[name] = f
		printed := filepath.Join(dir, filepath.Base(name))
		if err := os.WriteFile(printed, []byte(Print(f, en)), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, printed)
	}
	want := cpythonDumps(t, args)
	for _, name := range files {
		t.Run(filepath.Base(name), func(t *testing.T) {
			f := trees[name]
			if f == nil {
				t.Fatalf("does not parse:\n%v", errs[name])
			}
			if got := DumpPython(f, en); got != want[name] {
				t.Errorf("DumpPython differs from CPython's ast.dump:\n%s", dumpDiff(want[name], got))
			}
			printed := filepath.Join(dir, filepath.Base(name))
			if got := want[printed]; got != want[name] {
				out, _ := os.ReadFile(printed)
				t.Errorf("CPython reads the program printed in English differently:\n%s\n%s", dumpDiff(want[name], got), numbered(string(out)))
			}
		})
	}
}

// TestPrintCorpusRoundTrip prints every corpus program in each of the 17
// languages and parses it back: the tree must dump as the English
// original does (once the original's names are renamed as the printer
// renamed them to keep clear of the target's words), and printing it again
// in the same language must give a tree with the same Dump. The program
// read in each language is also printed in every other language, and
// must dump the same there: the 17x17 round trip over the whole grammar.
func TestPrintCorpusRoundTrip(t *testing.T) {
	en := mustLang(t, "en")
	for _, name := range corpusFiles(t) {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, errs := ParseFile(name, string(src), en)
		if len(errs) > 0 {
			t.Errorf("%s does not parse:\n%v", name, errs)
			continue
		}
		want := DumpPython(f, en)
		codes := lang.Codes()
		for _, code := range codes {
			t.Run(filepath.Base(name)+"/"+code, func(t *testing.T) {
				l := mustLang(t, code)
				out, renamed := printFile(f, l)
				g, errs := ParseFile("printed.ml", out, l)
				if len(errs) > 0 {
					t.Fatalf("printed program does not parse:\n%v\n%s", errs, numbered(out))
				}
				again := Print(g, l)
				g2, errs := ParseFile("again.ml", again, l)
				if len(errs) > 0 {
					t.Fatalf("program printed twice does not parse:\n%v\n%s", errs, numbered(again))
				}
				if a, b := Dump(g), Dump(g2); a != b {
					t.Errorf("printing again in %s changes the tree:\n%s", code, dumpDiff(a, b))
				}
				want := want
				if len(renamed) > 0 {
					// Compare with the original whose names are renamed the same way.
					f2, _ := ParseFile(name, string(src), en)
					renameAll(f2, renamed)
					want = DumpPython(f2, en)
				}
				if got := DumpPython(g, l); got != want {
					t.Errorf("printed in %s, parsed back, dumps differently:\n%s", code, dumpDiff(want, got))
				}
				// From this language into every other one: the 17x17 round
				// trip over the whole grammar.
				for _, to := range codes {
					if to == code {
						continue
					}
					next := mustLang(t, to)
					src, _ := ParseFile("printed.ml", out, l) // fresh: renameAll changes it
					out2, renamed2 := printFile(src, next)
					h, errs := ParseFile("next.ml", out2, next)
					if len(errs) > 0 {
						t.Fatalf("printed from %s in %s does not parse:\n%v\n%s", code, to, errs, numbered(out2))
					}
					renameAll(src, renamed2)
					if a, b := DumpPython(src, l), DumpPython(h, next); a != b {
						t.Errorf("printed from %s in %s, parsed back, dumps differently:\n%s", code, to, dumpDiff(a, b))
					}
				}
			})
		}
	}
}

// renameAll renames the identifiers of f as the printer did (renamed
// maps old names to new ones).
func renameAll(f *ast.File, renamed map[string]string) {
	inspectAll(f, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if r, ok := renamed[id.Name]; ok {
				id.Name = r
			}
		}
		return true
	})
}

// numbered returns src with line numbers, for failure messages.
func numbered(src string) string {
	lines := strings.Split(strings.TrimRight(src, "\n"), "\n")
	for i, s := range lines {
		lines[i] = fmt.Sprintf("%4d  %s", i+1, s)
	}
	return strings.Join(lines, "\n")
}

// dumpDiff shows where two dumps part: both are broken into one field per
// line, indented by depth, and the first differing line is shown with the
// lines before it.
func dumpDiff(want, got string) string {
	w, g := strings.Split(layout(want), "\n"), strings.Split(layout(got), "\n")
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	from := max(0, i-8)
	var b strings.Builder
	b.WriteString("  ...\n")
	for _, s := range w[from:i] {
		b.WriteString("  " + s + "\n")
	}
	for k := i; k < min(i+4, len(w)); k++ {
		b.WriteString("- " + w[k] + "\n")
	}
	for k := i; k < min(i+4, len(g)); k++ {
		b.WriteString("+ " + g[k] + "\n")
	}
	return b.String()
}

// layout breaks a dump (ours or CPython's, or an S-expression) after each
// opening bracket and comma outside quoted strings, indenting by depth.
func layout(s string) string {
	var b strings.Builder
	depth := 0
	var quote rune
	escaped := false
	newline := func() {
		b.WriteString("\n" + strings.Repeat("  ", depth))
	}
	rs := []rune(s)
	for i, r := range rs {
		if quote != 0 {
			b.WriteRune(r)
			switch {
			case escaped:
				escaped = false
			case r == '\\':
				escaped = true
			case r == quote:
				quote = 0
			}
			continue
		}
		switch r {
		case '\'', '"':
			quote = r
			b.WriteRune(r)
		case '(', '[':
			depth++
			b.WriteRune(r)
			if i+1 < len(rs) && rs[i+1] != ')' && rs[i+1] != ']' {
				newline()
			}
		case ')', ']':
			depth--
			b.WriteRune(r)
		case ',':
			b.WriteRune(r)
			newline()
		case ' ':
			if i > 0 && rs[i-1] == ',' {
				continue
			}
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestPyRepr(t *testing.T) {
	strs := []struct{ in, want string }{
		{"", "''"},
		{"abc", "'abc'"},
		{"it's", `"it's"`},
		{`say "hi"`, `'say "hi"'`},
		{`it's "x"`, `'it\'s "x"'`},
		{"a\\b", `'a\\b'`},
		{"\t\n\r", `'\t\n\r'`},
		{"\x00\x07\x1b\x7f", `'\x00\x07\x1b\x7f'`},
		{"café é", "'café é'"},
		{"\u00a0\u00ad", `'\xa0\xad'`},
		{"\u200b\u2028\u3000", `'\u200b\u2028\u3000'`},
		{"\U0001F600\U000E0001", `'😀\U000e0001'`},
		{"日本語 हिन्दी", "'日本語 हिन्दी'"},
		{"\ue000", `'\ue000'`},
		{"\u0378", `'\u0378'`},                             // unassigned
		{"a\xed\xb2\x80b\xed\xa0\x80", `'a\udc80b\ud800'`}, // lone surrogates, as WTF-8
		{"\xff", "'\ufffd'"},                               // not UTF-8
	}
	for _, tt := range strs {
		if got := pyStr(tt.in); got != tt.want {
			t.Errorf("pyStr(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
	bytesTests := []struct{ in, want string }{
		{"", "b''"},
		{"a'b", `b"a'b"`},
		{"a'\"", `b'a\'"'`},
		{"\x00\xff\t\\", `b'\x00\xff\t\\'`},
		{"\x7f~ ", `b'\x7f~ '`},
	}
	for _, tt := range bytesTests {
		if got := pyBytes(tt.in); got != tt.want {
			t.Errorf("pyBytes(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
	floats := []struct {
		in         float64
		want, imag string
	}{
		{0, "0.0", "0j"},
		{1, "1.0", "1j"},
		{0.1, "0.1", "0.1j"},
		{2.5, "2.5", "2.5j"},
		{1e15, "1000000000000000.0", "1000000000000000j"},
		{1e16, "1e+16", "1e+16j"},
		{123456789012345678, "1.2345678901234568e+17", "1.2345678901234568e+17j"},
		{1e-4, "0.0001", "0.0001j"},
		{1e-5, "1e-05", "1e-05j"},
		{1.5e-7, "1.5e-07", "1.5e-07j"},
		{6.02e23, "6.02e+23", "6.02e+23j"},
		{1.5e300, "1.5e+300", "1.5e+300j"},
		{math.Inf(1), "inf", "infj"},
		{math.NaN(), "nan", "nanj"},
	}
	for _, tt := range floats {
		if got := pyFloat(tt.in); got != tt.want {
			t.Errorf("pyFloat(%v) = %s, want %s", tt.in, got, tt.want)
		}
		if got := pyImag(tt.in); got != tt.imag {
			t.Errorf("pyImag(%v) = %s, want %s", tt.in, got, tt.imag)
		}
	}
}

// TestDumpPython checks DumpPython on small programs, in English and
// other languages, against dumps taken from CPython 3.11.
func TestDumpPython(t *testing.T) {
	tests := []struct {
		code, src, want string
	}{
		{"en", "x = 1\n", "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[])"},
		{"en", "a or b or c\n(a or b) and c or d\n", "Module(body=[Expr(value=BoolOp(op=Or(), values=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load()), Name(id='c', ctx=Load())])), Expr(value=BoolOp(op=Or(), values=[BoolOp(op=And(), values=[BoolOp(op=Or(), values=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())]), Name(id='c', ctx=Load())]), Name(id='d', ctx=Load())]))], type_ignores=[])"},
		{"en", "del a, b.c[1]\n", "Module(body=[Delete(targets=[Name(id='a', ctx=Del()), Subscript(value=Attribute(value=Name(id='b', ctx=Load()), attr='c', ctx=Load()), slice=Constant(value=1), ctx=Del())])], type_ignores=[])"},
		{"en", "a, *b = c\n", "Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), Starred(value=Name(id='b', ctx=Store()), ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load()))], type_ignores=[])"},
		{"en", "f'{x=}{y!r:>{w}}'\n", "Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114), FormattedValue(value=Name(id='y', ctx=Load()), conversion=114, format_spec=JoinedStr(values=[Constant(value='>'), FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1)]))]))], type_ignores=[])"},
		{"en", "def f(a, /, b=1, *c, d, e=2, **g): pass\n", "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')], vararg=arg(arg='c'), kwonlyargs=[arg(arg='d'), arg(arg='e')], kw_defaults=[None, Constant(value=2)], kwarg=arg(arg='g'), defaults=[Constant(value=1)]), body=[Pass()], decorator_list=[])], type_ignores=[])"},
		// Builtins and types dump under their English names...
		{"fr", "afficher(longueur(x), entier)\n", "Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Call(func=Name(id='len', ctx=Load()), args=[Name(id='x', ctx=Load())], keywords=[]), Name(id='int', ctx=Load())], keywords=[]))], type_ignores=[])"},
		// ... unless the program binds them.
		{"fr", "longueur = 3\nafficher(longueur)\n", "Module(body=[Assign(targets=[Name(id='longueur', ctx=Store())], value=Constant(value=3)), Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Name(id='longueur', ctx=Load())], keywords=[]))], type_ignores=[])"},
		{"fr", "déf f(liste):\n    retour liste\n", "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='liste')], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Return(value=Name(id='liste', ctx=Load()))], decorator_list=[])], type_ignores=[])"},
		{"en", "let x = 1\nconst y: int = 2\n", "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), AnnAssign(target=Name(id='y', ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=2), simple=1)], type_ignores=[])"},
	}
	for _, tt := range tests {
		l := mustLang(t, tt.code)
		f, errs := ParseFile("d.ml", tt.src, l)
		if len(errs) > 0 {
			t.Errorf("%s %q: %v", tt.code, tt.src, errs)
			continue
		}
		if got := DumpPython(f, l); got != tt.want {
			t.Errorf("%s %q:\n%s", tt.code, tt.src, dumpDiff(tt.want, got))
		}
	}
}

// TestDumpPythonBuiltTree dumps trees the parser does not build: an
// annotation without its expression, negative literals, an empty literal
// part of an f-string.
func TestDumpPythonBuiltTree(t *testing.T) {
	id := func(s string) *ast.Ident { return &ast.Ident{Name: s} }
	f := &ast.File{Body: []ast.Stmt{
		&ast.FuncDef{Name: id("f"), Params: []*ast.Param{{Name: id("a"), Type: &ast.TypeExpr{Name: id("dict"), Args: []*ast.TypeExpr{{Name: id("str")}, {Name: id("int")}}}}},
			Result: &ast.TypeExpr{Name: id("None")}, Body: []ast.Stmt{&ast.Pass{}}},
		&ast.ExprStmt{X: &ast.Tuple{Elems: []ast.Expr{&ast.IntLit{Text: "-3"}, &ast.FloatLit{Value: -0.5}, &ast.ImagLit{Text: "1e16"}}}},
		&ast.ExprStmt{X: &ast.FString{Parts: []ast.Expr{&ast.StrLit{}, &ast.FormattedValue{X: id("x"), Conv: 'a'}}}},
	}}
	want := "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a', annotation=Subscript(value=Name(id='dict', ctx=Load()), slice=Tuple(elts=[Name(id='str', ctx=Load()), Name(id='int', ctx=Load())], ctx=Load()), ctx=Load()))], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[], returns=Constant(value=None)), " +
		"Expr(value=Tuple(elts=[UnaryOp(op=USub(), operand=Constant(value=3)), UnaryOp(op=USub(), operand=Constant(value=0.5)), Constant(value=1e+16j)], ctx=Load())), " +
		"Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=97)]))], type_ignores=[])"
	if got := DumpPython(f, nil); got != want {
		t.Errorf("got\n%s", dumpDiff(want, got))
	}
}
