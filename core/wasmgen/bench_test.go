//go:build cgo

package wasmgen

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/bytecodealliance/wasmtime-go/v39"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/parser"
)

// The benchmark kernels of testdata/bench, with the argument each runs on
// and its known result (the same kernels in C are in bench/harness/c).
var kernels = []struct {
	name string
	arg  int64
	want any
}{
	{"fib", 30, int64(832040)},
	{"loops", 3000, int64(23135141)},
	{"matmul", 200, 666650.0000000165}, // as CPython computes it
	{"sieve", 1000000, int64(78498)},
	{"expensive", 1000, int64(499998500001)},
}

// kernel compiles testdata/bench/<name>.en.ml (optimized) and returns the
// function to call.
func kernel(tb testing.TB, name string) (*wasmtime.Store, *wasmtime.Func) {
	return kernelWith(tb, name, Options{Optimize: true})
}

// kernelWith is kernel with the given options.
func kernelWith(tb testing.TB, name string, opt Options) (*wasmtime.Store, *wasmtime.Func) {
	path := filepath.Join("testdata", "bench", name+".en.ml")
	src, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	l, _ := lang.Get("en")
	f, errs := parser.ParseFile(path, string(src), l)
	if len(errs) > 0 {
		tb.Fatal(errs)
	}
	info, errs := check.CheckSource(f, string(src), l)
	if len(errs) > 0 {
		tb.Fatal(errs)
	}
	if fn := info.FuncByName[name]; fn == nil || !fn.Compilable {
		tb.Fatalf("%s is not compilable: %+v", name, fn)
	}
	m, err := Generate(f, info, opt)
	if err != nil {
		tb.Fatal(err)
	}
	mod, err := wasmtime.NewModule(engine, m.Encode())
	if err != nil {
		tb.Fatal(err)
	}
	store := wasmtime.NewStore(engine)
	inst, err := wasmtime.NewInstance(store, mod, nil)
	if err != nil {
		tb.Fatal(err)
	}
	return store, inst.GetFunc(store, name)
}

// TestKernels runs each kernel under each of the option sets (every pass
// switched off in turn) and checks its known result; fib runs on 20, to
// keep the test quick.
func TestKernels(t *testing.T) {
	for _, opt := range optionSets() {
		for _, k := range kernels {
			arg, want := k.arg, k.want
			if k.name == "fib" {
				arg, want = 20, int64(6765)
			}
			store, fn := kernelWith(t, k.name, opt)
			got, err := fn.Call(store, arg)
			if err != nil {
				t.Fatalf("%s(%d) with %v: %v", k.name, arg, opt.Passes(), err)
			}
			if got != want {
				t.Errorf("%s(%d) with %v = %v, want %v", k.name, arg, opt.Passes(), got, want)
			}
		}
	}
}

// BenchmarkKernels times one call of each kernel per iteration.
func BenchmarkKernels(b *testing.B) {
	for _, k := range kernels {
		b.Run(k.name, func(b *testing.B) {
			store, fn := kernel(b, k.name)
			for b.Loop() {
				if _, err := fn.Call(store, k.arg); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
