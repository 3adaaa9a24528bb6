//go:build cgo

package wasmgen

import (
	"errors"
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bytecodealliance/wasmtime-go/v39"
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/parser"
)

// instance compiles f (checking that the given functions are compilable),
// and instantiates the module in a fresh store.
type instance struct {
	t     *testing.T
	store *wasmtime.Store
	inst  *wasmtime.Instance
}

// engine compiles the tests' modules as the runtime's fast engine does
// (package wasm): Cranelift optimizing for speed.
var engine = func() *wasmtime.Engine {
	cfg := wasmtime.NewConfig()
	cfg.SetCraneliftOptLevel(wasmtime.OptLevelSpeed)
	return wasmtime.NewEngineWithConfig(cfg)
}()

func compile(t *testing.T, f *ast.File, opt Options, want ...string) *instance {
	t.Helper()
	l, _ := lang.Get(f.Lang)
	info, errs := check.Check(f, l)
	if len(errs) > 0 {
		t.Fatalf("check: %v", errs)
	}
	for _, name := range want {
		fn := info.FuncByName[name]
		if fn == nil || !fn.Compilable {
			t.Fatalf("%s is not compilable: %+v", name, fn)
		}
	}
	m, err := Generate(f, info, opt)
	if err != nil {
		t.Fatal(err)
	}
	return instantiate(t, m)
}

// instantiate compiles m with Wasmtime, instantiates it in a fresh store
// and fills its host table (bindTestHost).
func instantiate(t *testing.T, m *wasmbin.Module) *instance {
	t.Helper()
	in := instantiateUnbound(t, m)
	bindTestHost(t, in.store, in.inst)
	return in
}

// instantiateUnbound is instantiate leaving the host table empty, as a
// runtime other than ours would.
func instantiateUnbound(t *testing.T, m *wasmbin.Module) *instance {
	t.Helper()
	mod, err := wasmtime.NewModule(engine, m.Encode())
	if err != nil {
		t.Fatalf("invalid module: %v\n%s", err, m.WAT())
	}
	store := wasmtime.NewStore(engine)
	inst, err := wasmtime.NewInstance(store, mod, nil)
	if err != nil {
		t.Fatal(err)
	}
	return &instance{t: t, store: store, inst: inst}
}

// bindTestHost fills the host table of inst, if any, with a pow written
// in Go (package wasm binds the platform's, which CPython calls; the
// tests here are about the special cases, which never reach it): an
// infinite result is reported as NaN, as the runtime's pow reports an
// overflow.
func bindTestHost(t *testing.T, store *wasmtime.Store, inst *wasmtime.Instance) {
	t.Helper()
	ext := inst.GetExport(store, abi.HostExport)
	if ext == nil || ext.Table() == nil {
		return
	}
	f64 := wasmtime.NewValType(wasmtime.KindF64)
	ty := wasmtime.NewFuncType([]*wasmtime.ValType{f64, f64}, []*wasmtime.ValType{f64})
	pow := wasmtime.NewFunc(store, ty, func(_ *wasmtime.Caller, args []wasmtime.Val) ([]wasmtime.Val, *wasmtime.Trap) {
		r := math.Pow(args[0].F64(), args[1].F64())
		if math.IsInf(r, 0) {
			r = math.NaN()
		}
		return []wasmtime.Val{wasmtime.ValF64(r)}, nil
	})
	if err := ext.Table().Set(store, abi.HostPowSlot, wasmtime.ValFuncref(pow)); err != nil {
		t.Fatal(err)
	}
}

// checkSrc parses and checks English source.
func checkSrc(t *testing.T, src string) (*ast.File, *check.Info) {
	t.Helper()
	l, _ := lang.Get("en")
	f, errs := parser.ParseFile("t.ml", src, l)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	info, errs := check.CheckSource(f, src, l)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return f, info
}

// result is the outcome of one call: a value, or a trap with its kind.
type result struct {
	val  any
	trap string // "" when no trap; else "overflow", "zerodiv", ...
}

var codeNames = map[int32]string{
	int32(abi.ErrOverflow): "overflow", int32(abi.ErrZeroDivision): "zerodiv", int32(abi.ErrIndex): "index",
	int32(abi.ErrValue): "value", int32(abi.ErrAssertion): "assert", int32(abi.ErrMemory): "memory",
	int32(abi.ErrUnsupported): "unsupported", int32(abi.ErrType): "type",
}

func (in *instance) call(name string, args ...any) result {
	in.t.Helper()
	f := in.inst.GetFunc(in.store, name)
	if f == nil {
		in.t.Fatalf("no export %q", name)
	}
	v, err := f.Call(in.store, args...)
	if err == nil {
		return result{val: v}
	}
	var trap *wasmtime.Trap
	if !errors.As(err, &trap) || trap.Code() == nil {
		in.t.Fatalf("call %s%v: %v", name, args, err)
	}
	switch *trap.Code() {
	case wasmtime.IntegerDivisionByZero:
		return result{trap: "intdiv0"}
	case wasmtime.IntegerOverflow:
		return result{trap: "intoverflow"}
	case wasmtime.UnreachableCodeReached:
		code, err := in.inst.GetFunc(in.store, abi.ErrorExport).Call(in.store)
		if err != nil {
			in.t.Fatal(err)
		}
		name, ok := codeNames[code.(int32)]
		if !ok {
			in.t.Fatalf("unreachable without error code (%v)", code)
		}
		return result{trap: name}
	}
	in.t.Fatalf("call %s%v: unexpected trap %v", name, args, err)
	return result{}
}

func TestGuidingExample(t *testing.T) {
	// déf expensive_operation(n: entier) -> entier:
	//     result = 0
	//     pour i dans intervalle(n * n):
	//         result = result + (i * i) // (i + 1)
	//     retour result
	f := file("fr", fn("expensive_operation", []string{"n", "entier"}, "entier",
		assign("result", num(0)),
		&ast.For{Pos: sp(), Target: id("i"), Iter: call("intervalle", bin(id("n"), "*", id("n"))), Body: stmts(
			assign("result", bin(id("result"), "+", bin(bin(id("i"), "*", id("i")), "//", bin(id("i"), "+", num(1))))),
		)},
		ret(id("result")),
	))
	want := func(n int64) int64 {
		r := int64(0)
		for i := int64(0); i < n*n; i++ {
			r += i * i / (i + 1)
		}
		return r
	}
	for _, opt := range optionSets() {
		in := compile(t, f, opt, "expensive_operation")
		for _, n := range []int64{0, 1, 2, 10, 300} {
			got := in.call("expensive_operation", n)
			if got.trap != "" || got.val.(int64) != want(n) {
				t.Errorf("opt=%v n=%d: got %+v, want %d", opt.Passes(), n, got, want(n))
			}
		}
	}
}

// Every testdata program encodes to a module wasmtime accepts, and runs,
// under each of the option sets (every pass switched off in turn).
func TestTestdataModulesRun(t *testing.T) {
	for _, opt := range optionSets() {
		testdataModulesRun(t, opt)
	}
}

// testdataModulesRun checks the testdata programs compiled with opt.
func testdataModulesRun(t *testing.T, opt Options) {
	for path, m := range testdataModulesWith(t, opt) {
		mod, err := wasmtime.NewModule(engine, m.Encode())
		if err != nil {
			t.Fatalf("%s with %v: invalid module: %v", path, opt.Passes(), err)
		}
		store := wasmtime.NewStore(engine)
		inst, err := wasmtime.NewInstance(store, mod, nil)
		if err != nil {
			t.Fatal(err)
		}
		in := &instance{t: t, store: store, inst: inst}
		switch {
		case strings.HasPrefix(filepath.Base(path), "loops"):
			for name, c := range map[string]struct {
				args []any
				want any
			}{
				"collatz": {[]any{int64(27)}, int64(111)},
				"stepped": {[]any{int64(0), int64(200), int64(7)}, int64(14 + 21 + 28 + 35 + 42 + 49 + 56 + 63 + 70 + 77 + 84 + 91 + 98)},
				"fib":     {[]any{int64(15)}, int64(610)},
				"check":   {[]any{int64(1)}, int64(1)},
			} {
				if got := in.call(name, c.args...); got.val != c.want {
					t.Errorf("%s%v = %+v, want %v", name, c.args, got, c.want)
				}
			}
			if got := in.call("check", int64(-1)); got.trap != "assert" {
				t.Errorf("check(-1) = %+v, want assert", got)
			}
		case strings.HasPrefix(filepath.Base(path), "arith"):
			// mix(7, -2, 1.5): q = -4 + -1 - 343 = -348; -348/2 + 3.0 - 1.5
			if got := in.call("mix", int64(7), int64(-2), 1.5); got.val != -172.5 {
				t.Errorf("mix = %+v", got)
			}
			if got := in.call("conv", 2.5); got.val != int64(2+2+1+1) {
				t.Errorf("conv(2.5) = %+v", got)
			}
			if got := in.call("fold"); got.val != int64(42-4-1024) {
				t.Errorf("fold = %+v", got)
			}
			if got := in.call("chain", int64(1), int64(2), int64(2)); got.val != int32(1) {
				t.Errorf("chain = %+v", got)
			}
			if in.inst.GetFunc(in.store, "show") != nil {
				t.Error("the Python-only show() is exported")
			}
		}
	}
}
