package rt

import (
	"reflect"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// newModule returns a module with only the error global, as
// core/wasmgen starts one.
func newModule() *wasmbin.Module {
	return &wasmbin.Module{
		MemoryPages: 1, MemoryExport: abi.MemoryExport,
		Globals: []*wasmbin.Global{{Name: "__ml_error_code", Type: wasmbin.I32, Mutable: true}},
	}
}

func funcNames(m *wasmbin.Module) []string {
	var names []string
	for _, f := range m.Funcs {
		names = append(names, f.Name)
	}
	return names
}

func globalNames(m *wasmbin.Module) []string {
	var names []string
	for _, g := range m.Globals {
		names = append(names, g.Name)
	}
	return names
}

// A helper is built on first request, after the functions already in the
// module and before the helpers it calls; asking again adds nothing.
func TestHelpersOnDemand(t *testing.T) {
	m := newModule()
	r := New(m)
	if len(m.Funcs) != 0 || len(m.Globals) != 1 {
		t.Fatalf("New changed the module: %v %v", funcNames(m), globalNames(m))
	}
	cat := r.StrCat()
	if cat != 0 || r.StrCat() != cat {
		t.Errorf("StrCat index %d, then %d", cat, r.StrCat())
	}
	if got, want := funcNames(m), []string{"__ml_str_cat", "__ml_str_alloc", "__ml_new"}; !reflect.DeepEqual(got, want) {
		t.Errorf("functions %v, want %v", got, want)
	}
	want := []string{"__ml_error_code", "__ml_heap", "__ml_argtop", "__ml_pos_str", "__ml_pos_idx", "__ml_pos_off"}
	if got := globalNames(m); !reflect.DeepEqual(got, want) {
		t.Errorf("globals %v, want %v", got, want)
	}
	if n := len(r.data); n != 128*abi.StaticCharSize {
		t.Errorf("%d bytes of static strings, want the 128 ASCII characters", n)
	}
	// the list helpers exist once per slot width
	wide, byte1 := r.Grow(WideSlots), r.Grow(ByteSlots)
	if wide == byte1 || m.Funcs[wide].Name != "__ml_grow" || m.Funcs[byte1].Name != "__ml_grow_b" {
		t.Errorf("grow helpers %d %q, %d %q", wide, m.Funcs[wide].Name, byte1, m.Funcs[byte1].Name)
	}
	// helpers that need no feature add no global
	m2 := newModule()
	r2 := New(m2)
	r2.IPow()
	r2.FloatFloorDiv()
	if got, want := funcNames(m2), []string{"__ml_ipow", "__ml_ffloordiv", "__ml_fmod"}; !reflect.DeepEqual(got, want) {
		t.Errorf("functions %v, want %v", got, want)
	}
	if len(m2.Globals) != 1 || m2.Table != nil {
		t.Errorf("number helpers added globals %v or a table", globalNames(m2))
	}
	r2.FloatPow()
	if m2.Table == nil || m2.Table.Export != abi.HostExport || len(m2.Types) != 1 {
		t.Errorf("FloatPow did not add the host table: %+v %+v", m2.Table, m2.Types)
	}
}

// The allocator's globals must be the first after the error global: the
// helpers address them by index.
func TestUseHeapOrder(t *testing.T) {
	m := newModule()
	m.Globals = append(m.Globals, &wasmbin.Global{Name: "other", Type: wasmbin.I32})
	defer func() {
		if recover() == nil {
			t.Error("UseHeap after another global did not panic")
		}
	}()
	New(m).UseHeap()
}

// Literals are laid out once each, 8-aligned after the static characters;
// one ASCII character is the static one.
func TestLiterals(t *testing.T) {
	r := New(newModule())
	a := r.Literal("héllo")
	if want := uint32(abi.HeapBase + 128*abi.StaticCharSize); a != want {
		t.Errorf("first literal at %d, want %d", a, want)
	}
	if r.Literal("héllo") != a {
		t.Error("a literal laid out twice")
	}
	b := r.Literal("")
	if b%8 != 0 || b <= a {
		t.Errorf("second literal at %d (first at %d)", b, a)
	}
	if c := r.Literal("A"); c != uint32(abi.HeapBase+'A'*abi.StaticCharSize) {
		t.Errorf(`"A" at %d, not the static character`, c)
	}
	rec := r.data[a-abi.HeapBase:]
	if nbytes, count := rec[0], rec[4]; nbytes != 6 || count != 5 || string(rec[8:14]) != "héllo" {
		t.Errorf("object % x", rec[:16])
	}
}

// WrapExports renames the compiled functions name.impl behind exported
// wrappers, adds __ml_alloc and __ml_reset, and Finish starts the arena
// after the static strings.
func TestWrapExportsAndFinish(t *testing.T) {
	m := newModule()
	m.Funcs = append(m.Funcs, &wasmbin.Func{Name: "f", Export: true, Type: wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I64}}})
	r := New(m)
	r.Literal("abc")
	r.WrapExports(1)
	want := []string{"f.impl", "f", abi.AllocExport, "__ml_new", abi.ResetExport}
	if got := funcNames(m); !reflect.DeepEqual(got, want) {
		t.Fatalf("functions %v, want %v", got, want)
	}
	for i, export := range []bool{false, true, true, false, true} {
		if m.Funcs[i].Export != export {
			t.Errorf("%s exported: %v", m.Funcs[i].Name, m.Funcs[i].Export)
		}
	}
	r.Finish()
	base := r.HeapBase()
	if base%8 != 0 || base != int64(abi.HeapBase+len(r.data)) || len(m.Data) != 1 {
		t.Fatalf("heap base %d, data %d segments", base, len(m.Data))
	}
	if m.Globals[heapGlobal].Init != base || m.Globals[argTopGlobal].Init != base {
		t.Errorf("allocator globals start at %d and %d, want %d", m.Globals[heapGlobal].Init, m.Globals[argTopGlobal].Init, base)
	}
	// the wrapper resets the arena and forgets the string position
	body := m.Funcs[1].Body
	if len(body) != 8 || body[2].Imm != base || body[5].Imm != int64(r.posGlobal) || body[7].Op != wasmbin.OpCall || body[7].Imm != 0 {
		t.Errorf("wrapper body %v", body)
	}
}
