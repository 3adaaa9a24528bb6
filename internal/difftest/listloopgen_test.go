//go:build cgo

package difftest

import (
	"testing"

	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/parser"
	"github.com/multilingualprogramming/multilingual/core/wasmgen"
)

// TestListLoopShapes checks that ListLoopProgram keeps producing
// compiled programs that wasmgen's listloops pass transforms (their
// module changes when the pass is switched off), and programs where it
// must leave a loop alone, so that TestListLoopDifferential covers both.
func TestListLoopShapes(t *testing.T) {
	const n = 600
	en, _ := lang.Get("en")
	var compiled, changed int
	for seed := uint64(1); seed <= n; seed++ {
		p := NewGenerator(seed).ListLoopProgram()
		src := parser.Print(p.File, en)
		f, errs := parser.ParseFile("gen.ml", src, en)
		if len(errs) > 0 {
			t.Fatalf("seed %d: %v", seed, errs)
		}
		info, errs := check.CheckSource(f, src, en)
		if len(errs) > 0 {
			t.Fatalf("seed %d: %v", seed, errs)
		}
		if fn := info.FuncByName["f"]; fn == nil || !fn.Compilable && !fn.Internal {
			continue
		}
		on, err := wasmgen.Generate(f, info, wasmgen.Options{Optimize: true})
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		off, err := wasmgen.Generate(f, info, wasmgen.Options{Optimize: true, Disable: wasmgen.PassSet(wasmgen.PassListLoops)})
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		compiled++
		if on.WAT() != off.WAT() {
			changed++
		}
	}
	t.Logf("%d of %d list loop programs compiled, %d changed by listloops", compiled, n, changed)
	if compiled < n*9/10 || changed < compiled/2 || changed == compiled {
		t.Errorf("the generator drifted from the listloops pass: %d compiled, %d changed", compiled, changed)
	}
}

// TestListLoopDifferential is TestDifferential on programs of loops over
// lists only (ListLoopProgram): -difftest.n programs from
// -difftest.seed, half of them optimized.
func TestListLoopDifferential(t *testing.T) {
	py := needPython(t)
	var tl tally
	built := 0
	first := *flagSeed
	for start := first; start < first+uint64(*flagN); start += batch {
		end := min(start+batch, first+uint64(*flagN))
		var cases []*compiled
		for seed := start; seed < end; seed++ {
			p := NewGenerator(seed).ListLoopProgram()
			c, ok := build(t, seed, p, seed%2 == 0)
			if !ok {
				continue
			}
			c.index = int(seed-first) + 1
			c.inputs = inputs(p, seed, *flagCalls)
			cases = append(cases, c)
		}
		if len(cases) > 0 {
			compare(t, &tl, cases, runPython(t, py, cases))
		}
		built += len(cases)
	}
	t.Logf("%d of %d list loop programs compiled; %v", built, *flagN, &tl.mix)
	if built < *flagN/2 {
		t.Errorf("only %d of %d list loop programs compiled: the generator drifted from the checker", built, *flagN)
	}
	if *flagN >= 100 && tl.mix.valueShare() < 0.5 {
		t.Errorf("only %.1f%% of the calls of list loop programs compared two values", 100*tl.mix.valueShare())
	}
}
