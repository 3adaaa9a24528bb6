package compiler_test

import (
	"strings"
	"testing"
	"time"

	"github.com/multilingualprogramming/multilingual/core/compiler"
	"github.com/multilingualprogramming/multilingual/fallback"
)

// programSize is the size of the programs the compile-time checks build.
const programSize = 64 << 10

// compileTimed compiles src as the extension does (compiler, then the
// Python fallback) and returns the processor time it took (cpuTime: the
// machine running the tests may be busy); source errors are fine
// (the checker refuses some shapes at their limits), a failure of
// another kind is not.
func compileTimed(t testing.TB, src string) time.Duration {
	start := cpuTime()
	a, err := compiler.Compile(src, compiler.Options{Language: "en", Filename: "shape.multi"})
	if err == nil {
		if _, gerr := fallback.Generate(a.File, a.Info); gerr != nil {
			t.Fatalf("generate: %v", gerr)
		}
	} else if strings.Contains(err.Error(), "internal") {
		t.Fatalf("compile: %v", err)
	}
	return cpuTime() - start
}

// TestCompileTimeShapes compiles a 64 KB program of every shape: each must
// compile well within a generous bound (the fuzz target, FuzzCompileTime,
// holds them to a second). A super-linear phase shows here as seconds.
func TestCompileTimeShapes(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles a dozen 64 KB programs")
	}
	for _, sh := range shapes {
		for _, ab := range [][2]int{{1, 1}, {4000, 3}, {97, 800}} {
			var w strings.Builder
			sh.write(&w, programSize, ab[0], ab[1])
			d := compileTimed(t, w.String())
			if d > 10*time.Second {
				t.Errorf("%s (a=%d, b=%d): %d bytes compiled in %v", sh.name, ab[0], ab[1], w.Len(), d)
			}
		}
	}
}

// FuzzCompileTime grows programs of every shape, with proportions chosen
// by the fuzzer, to about 64 KB and fails when one takes over a second to
// compile: every phase must be about n log n in the program's size.
// Run it with `make fuzz` (or go test -fuzz=FuzzCompileTime ./core/compiler).
func FuzzCompileTime(f *testing.F) {
	for i := range shapes {
		f.Add(uint8(i), uint16(1), uint16(1))
		f.Add(uint8(i), uint16(4000), uint16(3))
	}
	f.Fuzz(func(t *testing.T, which uint8, a, b uint16) {
		sh := shapes[int(which)%len(shapes)]
		var w strings.Builder
		sh.write(&w, programSize, int(a), int(b))
		bound := time.Second
		switch {
		case fuzzing():
			bound *= 2 // the fuzzer's coverage counters slow the code down
		default:
			bound *= 10 // the seeds, under a plain go test: a hang or a blow-up
		}
		if d := compileTimed(t, w.String()); d > bound {
			t.Errorf("%s (a=%d, b=%d): %d bytes compiled in %v", sh.name, a, b, w.Len(), d)
		}
	})
}

// BenchmarkCompileShapes100KB compiles a 100 KB program of each shape (the
// compiler and the Python fallback, as compile() does).
func BenchmarkCompileShapes100KB(b *testing.B) {
	for _, sh := range shapes {
		var w strings.Builder
		sh.write(&w, 100<<10, 97, 800)
		src := w.String()
		b.Run(strings.ReplaceAll(sh.name, " ", "_"), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for i := 0; i < b.N; i++ {
				compileTimed(b, src)
			}
		})
	}
}
