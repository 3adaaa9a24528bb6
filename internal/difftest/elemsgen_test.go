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
	compiled, changed := passChanges(t, n, (*Generator).ElemsProgram, wasmgen.PassElems, false)
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
