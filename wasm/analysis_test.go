package wasm

import (
	"reflect"
	"testing"
)

func TestAnalysisMatchesAnalyzeModule(t *testing.T) {
	for _, text := range []string{testWAT, bareWAT, importWAT, manyFuncsWAT(40)} {
		b := wat(t, text)
		iface, bounded, funcImports := analyzeModule(b)
		for _, a := range []*analysis{startAnalysis(b).wait(), analyzeNow(b)} {
			if !reflect.DeepEqual(a.iface, iface) || !reflect.DeepEqual(a.bounded, bounded) || a.funcImports != funcImports {
				t.Errorf("analysis %+v, analyzeModule %+v %v %d", a, iface, bounded, funcImports)
			}
		}
	}
	a := startAnalysis([]byte("not wasm"))
	if a.wait(); a.iface != nil || a.funcImports != -1 {
		t.Errorf("analysis of garbage: %+v", a)
	}
}

func TestWrapAnalyzedDistrustsMismatch(t *testing.T) {
	b := wat(t, manyFuncsWAT(3))
	mod, err := compileModule(b, Interruptible)
	if err != nil {
		t.Fatal(err)
	}
	m := wrapAnalyzed(mod, startAnalysis(b))
	if e, _ := m.Export("f1"); !e.Bounded {
		t.Fatalf("f1 not bounded: %+v", e)
	}
	// An analysis that counted an imported function Wasmtime does not
	// see: none of its bounded answers may survive.
	a := analyzeNow(b)
	a.funcImports++
	m = wrapAnalyzed(mod, a)
	for _, e := range m.Exports() {
		if e.Bounded {
			t.Errorf("%s bounded after a mismatched analysis", e.Name)
		}
	}
	// An analysis that cannot vouch for the interface: Wasmtime lists it.
	a = analyzeNow(b)
	a.iface = nil
	if m = wrapAnalyzed(mod, a); len(m.Exports()) != 3 {
		t.Errorf("%d exports from Wasmtime, want 3", len(m.Exports()))
	}
}
