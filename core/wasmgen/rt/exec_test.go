//go:build cgo

package rt

import (
	"encoding/binary"
	"errors"
	"math"
	"strconv"
	"testing"

	"github.com/bytecodealliance/wasmtime-go/v39"
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// A helperCall calls one helper with args and expects either the result
// want (a string result is compared by content) or a trap with code.
type helperCall struct {
	helper string
	args   []any
	want   any
	code   abi.ErrorCode
}

// strArg stands for the address of a static string in a call's arguments.
type strArg string

// Every helper honours its contract (the package documentation), called
// directly in a module that exports it. Expected values are Python's.
func TestHelperContracts(t *testing.T) {
	m := newModule()
	r := New(m)
	index := map[string]uint32{
		"__ml_ipow": r.IPow(), "__ml_fmod_py": r.FloatMod(), "__ml_ffloordiv": r.FloatFloorDiv(),
		"__ml_cmp_if": r.CmpIntFloat(), "__ml_str_cat": r.StrCat(), "__ml_str_repeat": r.StrRepeat(),
		"__ml_str_eq": r.StrEq(), "__ml_str_cmp": r.StrCmp(), "__ml_str_in": r.StrIn(),
		"__ml_str_at": r.StrAt(), "__ml_ord": r.Ord(), "__ml_ord_at": r.OrdAt(), "__ml_chr": r.Chr(),
		"__ml_str_int": r.StrOfInt(), "__ml_list": r.ListNew(WideSlots), "__ml_repeat": r.Repeat(WideSlots),
	}
	calls := []helperCall{
		{helper: "__ml_ipow", args: []any{int64(3), int64(5)}, want: int64(243)},
		{helper: "__ml_ipow", args: []any{int64(-2), int64(63)}, want: int64(math.MinInt64)},
		{helper: "__ml_ipow", args: []any{int64(2), int64(63)}, code: abi.ErrOverflow},
		{helper: "__ml_ipow", args: []any{int64(2), int64(-1)}, code: abi.ErrUnsupported},
		{helper: "__ml_fmod_py", args: []any{-7.5, 2.0}, want: 0.5},
		{helper: "__ml_fmod_py", args: []any{7.5, -2.0}, want: -0.5},
		{helper: "__ml_fmod_py", args: []any{1.0, 0.0}, code: abi.ErrZeroDivision},
		{helper: "__ml_ffloordiv", args: []any{-7.5, 2.0}, want: -4.0},
		{helper: "__ml_ffloordiv", args: []any{1.0, -0.0}, code: abi.ErrZeroDivision},
		{helper: "__ml_cmp_if", args: []any{int64(1<<53 + 1), float64(1 << 53)}, want: int32(1)},
		{helper: "__ml_cmp_if", args: []any{int64(-3), -2.5}, want: int32(-1)},
		{helper: "__ml_cmp_if", args: []any{int64(7), 7.0}, want: int32(0)},
		{helper: "__ml_cmp_if", args: []any{int64(7), math.NaN()}, want: int32(2)},
		{helper: "__ml_str_cat", args: []any{strArg("ab"), strArg("çd")}, want: "abçd"},
		{helper: "__ml_str_cat", args: []any{strArg(""), strArg("xy")}, want: "xy"},
		{helper: "__ml_str_repeat", args: []any{strArg("é-"), int64(3)}, want: "é-é-é-"},
		{helper: "__ml_str_repeat", args: []any{strArg("ab"), int64(-2)}, want: ""},
		{helper: "__ml_str_repeat", args: []any{strArg("ab"), int64(1 << 28)}, code: abi.ErrMemory},
		{helper: "__ml_str_eq", args: []any{strArg("straße"), strArg("straße")}, want: int32(1)},
		{helper: "__ml_str_eq", args: []any{strArg("straße"), strArg("strasse")}, want: int32(0)},
		{helper: "__ml_str_in", args: []any{strArg("aß"), strArg("straße")}, want: int32(1)},
		{helper: "__ml_str_in", args: []any{strArg(""), strArg("")}, want: int32(1)},
		{helper: "__ml_str_in", args: []any{strArg("é"), strArg("e")}, want: int32(0)},
		{helper: "__ml_str_at", args: []any{strArg("añb€"), int64(-1)}, want: "€"},
		{helper: "__ml_str_at", args: []any{strArg("añb€"), int64(1)}, want: "ñ"},
		{helper: "__ml_str_at", args: []any{strArg("añb€"), int64(4)}, code: abi.ErrIndex},
		{helper: "__ml_ord", args: []any{strArg("€")}, want: int64(0x20AC)},
		{helper: "__ml_ord", args: []any{strArg("ab")}, code: abi.ErrType},
		{helper: "__ml_ord_at", args: []any{strArg("x😀"), int64(1)}, want: int64(0x1F600)},
		{helper: "__ml_chr", args: []any{int64(0x10FFFF)}, want: "\U0010FFFF"},
		{helper: "__ml_chr", args: []any{int64(0x110000)}, code: abi.ErrValue},
		{helper: "__ml_chr", args: []any{int64(-1)}, code: abi.ErrValue},
		{helper: "__ml_chr", args: []any{int64(1 << 31)}, code: abi.ErrOverflow},
		{helper: "__ml_str_int", args: []any{int64(math.MinInt64)}, want: strconv.FormatInt(math.MinInt64, 10)},
		{helper: "__ml_str_int", args: []any{int64(0)}, want: "0"},
		{helper: "__ml_list", args: []any{int64(1 << 28)}, want: nil},
		{helper: "__ml_list", args: []any{int64(1<<28 + 1)}, code: abi.ErrMemory},
	}
	// the static strings the calls use, then the module's end
	for _, c := range calls {
		for _, a := range c.args {
			if s, ok := a.(strArg); ok {
				r.Literal(string(s))
			}
		}
	}
	for name, idx := range index {
		m.Funcs[idx].Name, m.Funcs[idx].Export = name, true
	}
	m.Funcs = append(m.Funcs, &wasmbin.Func{
		Name: abi.ErrorExport, Export: true,
		Type: wasmbin.FuncType{Results: []wasmbin.ValType{wasmbin.I32}},
		Body: []wasmbin.Instr{{Op: wasmbin.OpGlobalGet, Imm: 0}},
	})
	r.Finish()
	engine := wasmtime.NewEngine()
	mod, err := wasmtime.NewModule(engine, m.Encode())
	if err != nil {
		t.Fatalf("invalid module: %v", err)
	}
	for _, c := range calls {
		// a fresh instance for each call: an empty arena
		store := wasmtime.NewStore(engine)
		inst, err := wasmtime.NewInstance(store, mod, nil)
		if err != nil {
			t.Fatal(err)
		}
		args := make([]any, len(c.args))
		for i, a := range c.args {
			if s, ok := a.(strArg); ok {
				a = int32(r.Literal(string(s)))
			}
			args[i] = a
		}
		got, err := inst.GetFunc(store, c.helper).Call(store, args...)
		if c.code != 0 {
			code, _ := inst.GetFunc(store, abi.ErrorExport).Call(store)
			var trap *wasmtime.Trap
			if err == nil || !errors.As(err, &trap) || abi.ErrorCode(code.(int32)) != c.code {
				t.Errorf("%s%v: %v (error %v), want a trap with %v", c.helper, c.args, got, code, c.code)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s%v: %v", c.helper, c.args, err)
			continue
		}
		switch want := c.want.(type) {
		case nil: // only that it does not trap
		case string:
			mem := inst.GetExport(store, abi.MemoryExport).Memory().UnsafeData(store)
			addr := uint32(got.(int32))
			n := binary.LittleEndian.Uint32(mem[addr+abi.StrLenOffset:])
			count := binary.LittleEndian.Uint32(mem[addr+abi.StrCountOffset:]) &^ StrMark
			s := string(mem[addr+abi.StrHeaderSize : addr+abi.StrHeaderSize+n])
			if s != want || int(count) != len([]rune(want)) {
				t.Errorf("%s%v = %q (count %d), want %q", c.helper, c.args, s, count, want)
			}
		case float64:
			if g := got.(float64); g != want || math.Signbit(g) != math.Signbit(want) {
				t.Errorf("%s%v = %v, want %v", c.helper, c.args, g, want)
			}
		default:
			if got != want {
				t.Errorf("%s%v = %v, want %v", c.helper, c.args, got, want)
			}
		}
	}
}
