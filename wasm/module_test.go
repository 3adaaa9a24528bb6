package wasm

import (
	"reflect"
	"testing"
)

func TestModuleExports(t *testing.T) {
	m, err := Compile(wat(t, testWAT))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]FuncExport{
		"add":        {"add", []ValKind{KindI64, KindI64}, []ValKind{KindI64}, true},
		"noop":       {"noop", []ValKind{}, []ValKind{}, true},
		"__ml_error": {"__ml_error", []ValKind{}, []ValKind{KindI32}, true},
		"fadd":       {"fadd", []ValKind{KindF64, KindF64}, []ValKind{KindF64}, true},
		"f32id":      {"f32id", []ValKind{KindF32}, []ValKind{KindF32}, true},
		"pair":       {"pair", []ValKind{}, []ValKind{KindI64, KindF64}, true},
	}
	got := m.Exports()
	if len(got) != 11 {
		t.Errorf("len(Exports()) = %d, want 11 (memory is not a function)", len(got))
	}
	if got[0].Name != "add" || got[1].Name != "noop" {
		t.Errorf("Exports not in module order: %v, %v", got[0].Name, got[1].Name)
	}
	for name, w := range want {
		e, ok := m.Export(name)
		if !ok || !reflect.DeepEqual(e, w) {
			t.Errorf("Export(%q) = %+v, %v; want %+v", name, e, ok, w)
		}
	}
	if _, ok := m.Export("memory"); ok {
		t.Error("memory listed as a function export")
	}
	if !m.HasMemory() {
		t.Error("HasMemory() = false")
	}
	if len(m.Imports()) != 0 {
		t.Errorf("Imports() = %v, want none", m.Imports())
	}
}

func TestModuleImports(t *testing.T) {
	m, err := Compile(wat(t, importWAT))
	if err != nil {
		t.Fatal(err)
	}
	want := []Import{
		{Module: "env", Name: "log", Kind: "func", Params: []ValKind{KindI32}, Results: []ValKind{}},
		{Module: "env", Name: "mem", Kind: "memory"},
	}
	if got := m.Imports(); !reflect.DeepEqual(got, want) {
		t.Errorf("Imports() = %v, want %v", got, want)
	}
	if m.HasMemory() {
		t.Error("HasMemory() = true for an imported memory")
	}
}
