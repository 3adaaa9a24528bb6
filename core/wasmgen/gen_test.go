package wasmgen

import (
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/lang"
)

func generate(t testing.TB, f *ast.File, opt Options) *wasmbin.Module {
	t.Helper()
	l, _ := lang.Get(f.Lang)
	info, errs := check.Check(f, l)
	if len(errs) > 0 {
		t.Fatalf("check: %v", errs)
	}
	m, err := Generate(f, info, opt)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestExports(t *testing.T) {
	f := file("fr",
		fn("carré", []string{"x", "entier"}, "entier", ret(bin(id("x"), "*", id("x")))),
		fn("montre", []string{"x", "entier"}, "Rien", exprStmt(call("afficher", id("x")))),
		fn("sans_type", []string{"x", ""}, "entier", ret(id("x"))),
	)
	m := generate(t, f, Options{})
	var exports []string
	for _, fn := range m.Funcs {
		if fn.Export {
			exports = append(exports, fn.Name)
		}
	}
	if got := strings.Join(exports, ","); got != "carré,__ml_error" {
		t.Errorf("exports = %s, want carré,__ml_error", got)
	}
	if m.MemoryExport != "memory" || m.MemoryPages < 1 {
		t.Errorf("memory export %q, %d pages", m.MemoryExport, m.MemoryPages)
	}
	bin := m.Encode()
	for i := 8; i < len(bin); {
		// walk the sections: there must be no start section (id 8)
		id := bin[i]
		size, n := readUleb(bin[i+1:])
		if id == 8 {
			t.Fatal("module has a start section")
		}
		i += 1 + n + int(size)
	}
	if !strings.Contains(m.WAT(), `(func $"carré" (export "carré") (param $x i64) (result i64)`) {
		t.Errorf("WAT header:\n%s", m.WAT())
	}
}

// A chained comparison evaluates its middle operand once.
func TestChainEvaluatesOnce(t *testing.T) {
	f := file("en",
		fn("g", []string{"x", "int"}, "int", ret(id("x"))),
		fn("chain", []string{"a", "int"}, "bool", ret(cmp(id("a"), "<", call("g", id("a")), "<", num(3)))),
	)
	m := generate(t, f, Options{})
	calls := 0
	for _, in := range m.Funcs[1].Body {
		if in.Op == wasmbin.OpCall {
			calls++
		}
	}
	if calls != 1 {
		t.Errorf("g called %d times in the chain, want 1", calls)
	}
}

func TestGenerateErrors(t *testing.T) {
	if _, err := Generate(file("en"), nil, Options{}); err == nil {
		t.Error("Generate without info succeeded")
	}
	// A malformed Info (a compilable function without types) is an error, not a panic.
	d := fn("f", []string{"x", "int"}, "int", ret(id("x")))
	info := &check.Info{Funcs: []*check.Func{{Decl: d, Name: "f", ParamNames: []string{"x"},
		Params: []*check.Type{check.TInt}, Result: check.TInt, Compilable: true}},
		Types: map[ast.Expr]*check.Type{}}
	if _, err := Generate(file("en", d), info, Options{}); err == nil {
		t.Error("Generate with missing types succeeded")
	}
}

func readUleb(b []byte) (uint64, int) {
	var v uint64
	for i, c := range b {
		v |= uint64(c&0x7f) << (7 * i)
		if c&0x80 == 0 {
			return v, i + 1
		}
	}
	return v, len(b)
}

func BenchmarkGenerate(b *testing.B) {
	f := controlFile()
	l, _ := lang.Get("en")
	info, _ := check.Check(f, l)
	b.ReportAllocs()
	for b.Loop() {
		m, err := Generate(f, info, Options{Optimize: true})
		if err != nil {
			b.Fatal(err)
		}
		_ = m.Encode()
	}
}
