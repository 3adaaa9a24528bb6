package fallback

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

func fstr(parts ...ast.Expr) *ast.FString { return &ast.FString{Parts: parts} }
func field(x ast.Expr) *ast.FormattedValue {
	return &ast.FormattedValue{X: x}
}

// TestFStringsPython310 builds f-strings that only Python 3.12 can
// spell as written (backslashes and reused quotes in fields, three levels
// of nesting) and a {x=} field, and checks the text written and the
// values on every Python available (see pythons).
func TestFStringsPython310(t *testing.T) {
	xs := id("xs")
	tests := []struct {
		name string
		e    ast.Expr
		text string // the generated expression
		want string // its value's repr
	}{
		{"backslash in field", fstr(field(meth(strl("\n"), "join", xs))),
			`f"{__ml_s1__.join(xs)}"`, `'a\nb'`},
		{"quote in field", fstr(field(bin(strl(`"`), "+", strl("'")))),
			`f"{__ml_s2__ + __ml_s3__}"`, `'"\''`},
		{"three levels", fstr(strl("<"), field(fstr(field(fstr(field(id("w"))))))),
			`f"<{f'{__ml_format__(w)}'}"`, `'<7'`},
		{"nested text with a taken quote", fstr(field(fstr(strl(`say "`), field(id("w"))))),
			`f"{(__ml_s4__ + __ml_format__(w))}"`, `'say "7'`},
		{"debug field", fstr(strl("w="), &ast.FormattedValue{X: id("w"), Conv: 'r', Debug: "w="}),
			`f"{w=}"`, `'w=7'`},
		{"debug field, other text", fstr(strl("longueur(xs) = "), &ast.FormattedValue{X: callf("longueur", xs), Debug: "longueur(xs) = "}),
			`f"longueur(xs) = {len(xs)!r}"`, `'longueur(xs) = 2'`},
		{"debug with spec", fstr(strl("w ="), &ast.FormattedValue{X: id("w"), Debug: "w =", Spec: fstr(strl(">3"))}),
			`f"{w =:>3}"`, `'w =  7'`},
		{"bytes in field", fstr(field(&ast.BytesLit{Value: "\x00'"})),
			`f"{__ml_s5__}"`, `'b"\\x00\'"'`},
		{"lone surrogate", fstr(strl("s\xed\xa0\x80"), field(strl("\xed\xbf\xbf"))),
			`f"s\ud800{__ml_s6__}"`, `'s\ud800\udfff'`},
		{"conversions", fstr(field(&ast.FormattedValue{X: strl("é"), Conv: 'a'})),
			"", ""}, // a FormattedValue is not an expression: an error
	}
	var defs []ast.Stmt
	for i, tt := range tests[:len(tests)-1] {
		defs = append(defs, def("f"+itoa(i), []string{"xs", "w"}, ret(tt.e)))
	}
	f := file("fr", defs...)
	mod := gen1(t, f)
	for i, tt := range tests[:len(tests)-1] {
		want := "def f" + itoa(i) + "(xs, w):\n    return " + tt.text + "\n"
		if !strings.Contains(mod, want) {
			t.Errorf("%s: want %q in\n%s", tt.name, want, numbered(mod))
		}
	}
	for _, py := range pythons(t) {
		var calls []pycall
		for i, tt := range tests[:len(tests)-1] {
			calls = append(calls, pycall{"f" + itoa(i), `["a", "b"], 7`, tt.want})
		}
		callPythonOn(t, py, mod, calls)
	}
	last := tests[len(tests)-1]
	if _, err := Generate(file("fr", def("g", nil, ret(fstr(field(last.e))))), nil); err == nil ||
		!strings.Contains(err.Error(), "outside an f-string") {
		t.Errorf("a formatted value as a field: %v", err)
	}
}

// pythons returns the interpreters to check generated modules with: those
// listed in $ML_PYTHONS (separated by the path list separator, e.g.
// python3.10:python3.13) that run, else python3.
func pythons(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, p := range filepath.SplitList(os.Getenv("ML_PYTHONS")) {
		if p == "" {
			continue
		}
		if err := exec.Command(p, "-c", "import sys; assert sys.version_info >= (3, 10)").Run(); err == nil {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		out = append(out, needPython(t))
	}
	return out
}
