//go:build cgo

package difftest

import (
	"testing"

	"github.com/multilingualprogramming/multilingual/core/wasmgen"
)

// TestElemsShapes checks that ElemsProgram keeps producing compiled
// programs whose module the elems pass changes (some list of theirs gets
// an interval that drops a check), and programs where it must not (every
// list stores a large value or escapes), so that TestElemsDifferential
// covers both.
func TestElemsShapes(t *testing.T) {
	const n = 600
	var compiled, changed int
	for seed := uint64(1); seed <= n; seed++ {
		p := NewGenerator(seed).ElemsProgram()
		_, f, info := checkedEnglish(t, seed, p)
		if fn := info.FuncByName["f"]; fn == nil || !fn.Compilable {
			continue
		}
		with, err := wasmgen.Generate(f, info, wasmgen.Options{Optimize: true})
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		without, err := wasmgen.Generate(f, info, wasmgen.Options{Optimize: true, Disable: wasmgen.PassSet(wasmgen.PassElems)})
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		compiled++
		if with.WAT() != without.WAT() {
			changed++
		}
	}
	t.Logf("%d of %d elems programs compiled, %d changed by elems", compiled, n, changed)
	if compiled < n*9/10 || changed < compiled*2/5 || changed == compiled {
		t.Errorf("the generator drifted from the elems pass: %d compiled, %d changed", compiled, changed)
	}
}

// TestElemsDifferential is TestDifferential on programs of list[int]
// locals whose elements feed products and sums (ElemsProgram):
// -difftest.n programs from -difftest.seed, half of them optimized. Some
// calls must be refusals for overflow where CPython returned a value:
// the large elements that a too narrow interval would let wrap.
func TestElemsDifferential(t *testing.T) {
	tl := familyDifferential(t, "elems", (*Generator).ElemsProgram)
	if *flagN >= 100 && tl.mix.refusals[refuseOverflow] < tl.mix.calls/50 {
		t.Errorf("only %d of %d calls of elems programs refused for overflow: the generator lost its large elements",
			tl.mix.refusals[refuseOverflow], tl.mix.calls)
	}
}
