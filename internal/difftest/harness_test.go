//go:build cgo

package difftest

import (
	"flag"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/bytecodealliance/wasmtime-go/v39"
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/parser"
	"github.com/multilingualprogramming/multilingual/core/wasmgen"
	"github.com/multilingualprogramming/multilingual/fallback"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
	"github.com/multilingualprogramming/multilingual/wasm"
)

// The harness: each generated program is run three ways and the answers
// compared call by call (verdict_test.go has the rules):
//
//   - the oracle: CPython runs the program as PrintPython writes it in
//     English, straight from the generator's tree (pyprint.go), without
//     our lexer, parser or checker;
//   - WebAssembly: parser.Print writes the program in one of the 17
//     languages, and our front end parses and checks it back before
//     wasmgen compiles it; Wasmtime runs the module;
//   - the fallback: the Python that fallback.Generate writes from the same
//     parsed and checked tree, run by the same python3 as the oracle.

var (
	flagN           = flag.Int("difftest.n", 300, "number of random programs of TestDifferential")
	flagSeed        = flag.Uint64("difftest.seed", 1, "first seed of TestDifferential")
	flagStrictPrint = flag.Bool("difftest.strictprint", false, "fail when a printed program does not read back")
)

// engine meters fuel, so that a call that does not end (a miscompiled loop)
// is reported instead of hanging the test; wasmFuel is the fuel of one call,
// far more than any generated program needs.
var engine = func() *wasmtime.Engine {
	cfg := wasmtime.NewConfig()
	cfg.SetConsumeFuel(true)
	return wasmtime.NewEngineWithConfig(cfg)
}()

const wasmFuel = 1 << 30

// printFailures counts, per language, the programs parser.Print wrote that
// did not parse or check back.
var printFailures = map[string]int{}

// A compiled case: one program in one language, ready on both backends,
// with its English twin for the oracle.
type compiled struct {
	seed    uint64
	index   int // the program's rank in its run, from 1
	prog    *Program
	src     string // the program as printed in lang by parser.Print
	lang    string
	english string // PrintPython(prog.File, PyPlain)
	checked string // PrintPython(prog.File, PyChecked)
	python  string // fallback.Generate's module
	inst    *wasmtime.Instance
	store   *wasmtime.Store
	name    string
	inputs  [][]any
	// specialized: the module has a non-negative specialization
	// (wasmgen's specialize.go) of the recursive helper
	specialized bool
	// inlined: a function of the module calls itself through a copy of
	// its own body (wasmgen's selfinline.go)
	inlined bool
	// consts: f reads module constants inline (constgen.go)
	consts bool
	// fdiv: an int // or % is computed through f64 (f64.div followed by
	// i64.trunc_f64_s, wasmgen's fdiv.go)
	fdiv bool
	// ivptr: a loop runs on element pointers (wasmgen's ivptr.go names
	// them ptr.L)
	ivptr bool
}

// needPython returns the python3 that the differential tests run as the
// oracle, and makes the runtime sum floats as it does (wasm.SetFloatSum);
// it skips the test when there is none.
func needPython(t testing.TB) string {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not on PATH")
	}
	out, err := exec.Command(py, "-c", "import sys; print(sys.version_info[1])").Output()
	if err != nil {
		t.Fatalf("%s: %v", py, err)
	}
	minor, err := strconv.Atoi(strings.TrimSpace(string(out)))
	if err != nil {
		t.Fatalf("%s: minor version %q", py, out)
	}
	wasm.SetFloatSum(abi.FloatSumFor(minor))
	return py
}

// build prints p in a language picked from the seed, parses it back,
// checks and compiles it; ok is false when the function is not
// compilable (the checker's choice, which is legitimate).
func build(t testing.TB, seed uint64, p *Program, opt bool) (*compiled, bool) {
	english, err := PrintPython(p.File, PyPlain)
	if err != nil {
		t.Fatalf("seed %d: %v", seed, err)
	}
	checked, err := PrintPython(p.File, PyChecked)
	if err != nil {
		t.Fatalf("seed %d: %v", seed, err)
	}
	codes := lang.Codes()
	l, _ := lang.Get(codes[seed%uint64(len(codes))])
	src := parser.Print(p.File, l)
	f, errs := parser.ParseFile("gen.ml", src, l)
	if len(errs) == 0 {
		_, errs = check.CheckSource(f, src, l)
	}
	if len(errs) > 0 {
		// parser.Print wrote a program that does not read back: a front-end
		// bug (reported, not ours to fix here); the English form is tested.
		printFailures[l.Code]++
		if *flagStrictPrint {
			t.Errorf("seed %d: printed program does not read back in %s: %v\n%s", seed, l.Code, errs, src)
		}
		l, _ = lang.Get("en")
		src = parser.Print(p.File, l)
		if f, errs = parser.ParseFile("gen.ml", src, l); len(errs) > 0 {
			t.Fatalf("seed %d: %v\n%s", seed, errs, src)
		}
	}
	info, errs := check.CheckSource(f, src, l)
	if len(errs) > 0 {
		t.Fatalf("seed %d: check: %v\n%s", seed, errs, src)
	}
	fn := info.FuncByName["f"]
	defs := 0 // the functions, after the module constants (constgen.go)
	for _, st := range p.File.Body {
		if _, ok := st.(*ast.FuncDef); ok {
			defs++
		}
	}
	if fn == nil || len(info.Funcs) != defs {
		t.Fatalf("seed %d: %d functions, no f", seed, len(info.Funcs))
	}
	// a function with a str result is Internal: the module exports it
	// under the heap ABI (runWasm reads the result from memory)
	if !fn.Compilable && !(fn.Internal && p.Result == 's') {
		return nil, false
	}
	m, err := wasmgen.Generate(f, info, wasmgen.Options{Optimize: opt})
	if err != nil {
		t.Fatalf("seed %d: generate: %v\n%s", seed, err, src)
	}
	mod, err := wasmtime.NewModule(engine, m.Encode())
	if err != nil {
		t.Fatalf("seed %d: invalid module: %v\n%s", seed, err, src)
	}
	store := wasmtime.NewStore(engine)
	inst, err := wasmtime.NewInstance(store, mod, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := wasm.BindHost(store, inst); err != nil {
		t.Fatal(err)
	}
	py, err := fallback.Generate(f, info)
	if err != nil {
		t.Fatalf("seed %d: fallback: %v\n%s", seed, err, src)
	}
	specialized, inlined, fdiv, ivptr := false, false, false, false
	for _, mf := range m.Funcs {
		specialized = specialized || strings.HasSuffix(mf.Name, ".nonneg")
		fdiv = fdiv || floatDivides(mf.Body)
		for _, l := range mf.LocalNames {
			inlined = inlined || strings.HasSuffix(l, ".copy1")
			ivptr = ivptr || strings.HasPrefix(l, "ptr.")
		}
	}
	return &compiled{seed: seed, prog: p, src: src, lang: l.Code, english: english, checked: checked, python: py,
		inst: inst, store: store, name: fn.Name, specialized: specialized, inlined: inlined, consts: len(info.Consts) > 0, fdiv: fdiv, ivptr: ivptr}, true
}

// floatDivides reports whether body has an f64.div whose quotient is
// truncated to i64 at once: wasmgen's integer division through f64.
func floatDivides(body []wasmbin.Instr) bool {
	for i := 0; i+1 < len(body); i++ {
		if body[i].Op == wasmbin.OpF64Div && body[i+1].Op == wasmbin.OpI64TruncF64S {
			return true
		}
	}
	return false
}

// checkedEnglish prints p in English and reads it back through the
// parser and the checker, as the shape tests need it; a program that does
// not read back fails the test.
func checkedEnglish(t testing.TB, seed uint64, p *Program) (string, *ast.File, *check.Info) {
	en, _ := lang.Get("en")
	src := parser.Print(p.File, en)
	f, errs := parser.ParseFile("gen.ml", src, en)
	if len(errs) > 0 {
		t.Fatalf("seed %d: %v", seed, errs)
	}
	info, errs := check.CheckSource(f, src, en)
	if len(errs) > 0 {
		t.Fatalf("seed %d: %v", seed, errs)
	}
	return src, f, info
}
