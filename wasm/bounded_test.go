package wasm

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/bytecodealliance/wasmtime-go/v39"
)

// boundedCases are modules with the bounded exports the analysis must
// find. Each export is listed: true for bounded, false for not.
var boundedCases = []struct {
	name string
	wat  string
	want map[string]bool
}{
	{"straight line", testWAT, map[string]bool{
		"add": true, "noop": true, "div": true, "fail": true, "__ml_error": true,
		"recurse": false, "fadd": true, "f32id": true, "is_pos": true, "load": true, "pair": true,
	}},
	{"loops", `(module
  (func (export "spin") (loop br 0))
  (func (export "counted") (param i32) (result i32)
    (block (loop local.get 0 i32.eqz br_if 1 local.get 0 i32.const 1 i32.sub local.set 0 br 0))
    local.get 0)
  (func (export "dead_loop") (if (i32.const 0) (then (loop))))
  (func (export "calls_loop") call 0))`,
		map[string]bool{"spin": false, "counted": false, "dead_loop": false, "calls_loop": false}},
	{"recursion", `(module
  (func $self (export "self") (param i64) (result i64) local.get 0 call $self)
  (func $even (export "even") (param i32) (result i32)
    local.get 0 i32.eqz if (result i32) i32.const 1 else local.get 0 i32.const 1 i32.sub call $odd end)
  (func $odd (export "odd") (param i32) (result i32)
    local.get 0 i32.eqz if (result i32) i32.const 0 else local.get 0 i32.const 1 i32.sub call $even end)
  (func (export "calls_odd") (result i32) i32.const 3 call $odd)
  (func $tail (export "tail") (param i32) (result i32) local.get 0 return_call $tail)
  (func $leaf (result i32) i32.const 7)
  (func (export "tail_leaf") (result i32) return_call $leaf)
  (func (export "chain") (result i32) call $mid call $mid i32.add)
  (func $mid (result i32) call $leaf call $leaf i32.add))`,
		map[string]bool{"self": false, "even": false, "odd": false, "calls_odd": false,
			"tail": false, "tail_leaf": true, "chain": true}},
	{"imports", `(module
  (import "env" "g" (global i32))
  (import "env" "t" (table 1 funcref))
  (import "env" "m" (memory 1 2))
  (import "env" "log" (func $log (param i32)))
  (import "env" "big" (memory i64 1))
  (func $pure (result i32) global.get 0)
  (func (export "pure") (result i32) call $pure)
  (func (export "logs") i32.const 1 call $log)
  (func (export "maybe_logs") (param i32) local.get 0 if i32.const 1 call $log end)
  (export "reexported" (func $log)))`,
		map[string]bool{"pure": true, "logs": false, "maybe_logs": false, "reexported": false}},
	{"memory and tables", `(module
  (memory 1)
  (table 2 funcref)
  (type $t (func (result i32)))
  (data $d "abc")
  (elem $e func $one)
  (func $one (result i32) i32.const 1)
  (func (export "size") (result i32) memory.size)
  (func (export "grow") (result i32) i32.const 1 memory.grow)
  (func (export "indirect") (result i32) i32.const 0 call_indirect (type $t))
  (func (export "table_get") (result funcref) i32.const 0 table.get 0)
  (func (export "table_size") (result i32) table.size 0)
  (func (export "fill") i32.const 0 i32.const 0 i32.const 10 memory.fill)
  (func (export "copy") i32.const 0 i32.const 0 i32.const 10 memory.copy)
  (func (export "init") i32.const 0 i32.const 0 i32.const 3 memory.init $d)
  (func (export "data_drop") data.drop $d)
  (func (export "elem_drop") elem.drop $e)
  (func (export "trunc_sat") (param f64) (result i64)
    local.get 0 i64.trunc_sat_f64_s local.get 0 i32.trunc_sat_f64_u i64.extend_i32_u i64.add)
  (func (export "ref_ops") (result i32)
    ref.null func ref.is_null ref.func $one ref.is_null i32.add))`,
		map[string]bool{"size": true, "grow": false, "indirect": false, "table_get": false,
			"table_size": false, "fill": false, "copy": false, "init": false,
			"data_drop": false, "elem_drop": false, "trunc_sat": true, "ref_ops": true}},
	{"blocks and branches", `(module
  (type $bt (func (param i32) (result i32)))
  (func (export "br_table") (param i32) (result i32)
    (block $c (block $b (block $a
      local.get 0 br_table $a $b $c $a)
      i32.const 10 return)
      i32.const 20 return)
    i32.const 30)
  (func (export "nested") (param i32) (result i32)
    (block (result i32)
      (block (result i32)
        local.get 0
        (if (result i32) (then i32.const 1 br 2) (else i32.const 2))
        local.get 0 br_if 1)
      drop i32.const 3))
  (func (export "typed_block") (param i32) (result i32)
    local.get 0 (block (type $bt) i32.const 1 i32.add))
  (func (export "multi_value") (result i32)
    (block (result i32 i32) i32.const 1 i32.const 2) i32.add)
  (func (export "select_t") (param i32) (result i64)
    i64.const 1 i64.const 2 local.get 0 select (result i64))
  (func (export "consts") (result f64)
    i64.const 0x7fffffffffffffff drop i64.const -0x8000000000000000 drop
    i32.const -1 drop i32.const 0x7fffffff drop
    f32.const 1.5 drop f64.const -2.25)
  (func (export "locals") (param i32) (result i64) (local i64 f32 f64 v128 funcref externref)
    local.get 1 local.get 0 i64.extend_i32_s i64.add local.tee 1)
  (func (export "memargs") (param i32) (result i64)
    local.get 0 i64.load offset=100000 align=4
    local.get 0 i64.load8_u offset=3 i64.add
    local.get 0 local.get 0 i64.load32_s align=1 i64.store offset=70000
    local.get 0 i32.const 5 i32.store16 offset=2))`,
		map[string]bool{"br_table": true, "nested": true, "typed_block": true, "multi_value": true,
			"select_t": true, "consts": true, "locals": true, "memargs": true}},
	{"simd", `(module
  (memory 1)
  (func (export "simd") (param i32) (result i32)
    local.get 0 v128.load offset=16
    v128.const i32x4 1 2 3 4 i32x4.add
    v128.const i64x2 -1 5 i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
    i32x4.extract_lane 2
    local.get 0 v128.load32_zero local.get 0 v128.load64_zero i64x2.add
    local.get 0 i32.const 9 i32x4.splat v128.store offset=32 align=8
    local.get 0 v128.const f64x2 1.5 2.5 v128.load64_lane 1
    f64x2.sqrt local.get 0 v128.load8x8_s f64x2.add
    f32.const 2 f32x4.replace_lane 3 i8x16.popcnt i32x4.all_true
    i32.add
    local.get 0 local.get 0 v128.load16_splat v128.store8_lane offset=7 15
    local.get 0 v128.load i32x4.trunc_sat_f64x2_u_zero v128.any_true i32.add))`,
		map[string]bool{"simd": true}},
	{"cost", `(module
  (func $l0 (result i32) i32.const 1)
  (func $l1 (result i32) call $l0 call $l0 call $l0 call $l0 call $l0 call $l0 call $l0 call $l0 i32.add i32.add i32.add i32.add i32.add i32.add i32.add)
  (func $l2 (result i32) call $l1 call $l1 call $l1 call $l1 call $l1 call $l1 call $l1 call $l1 i32.add i32.add i32.add i32.add i32.add i32.add i32.add)
  (func $l3 (result i32) call $l2 call $l2 call $l2 call $l2 call $l2 call $l2 call $l2 call $l2 i32.add i32.add i32.add i32.add i32.add i32.add i32.add)
  (func $l4 (result i32) call $l3 call $l3 call $l3 call $l3 call $l3 call $l3 call $l3 call $l3 i32.add i32.add i32.add i32.add i32.add i32.add i32.add)
  (func $l5 (result i32) call $l4 call $l4 call $l4 call $l4 call $l4 call $l4 call $l4 call $l4 i32.add i32.add i32.add i32.add i32.add i32.add i32.add)
  (export "l2" (func $l2))
  (export "l3" (func $l3))
  (export "l4" (func $l4))
  (export "l5" (func $l5))
  (func (export "many_locals") (local i64 i64) (local f64))
)`, map[string]bool{"l2": true, "l3": true, "l4": false, "l5": false, "many_locals": true}},
	{"beyond the analysis", `(module
  (tag $e)
  (type $s (struct (field i32)))
  (func (export "throws") throw $e)
  (func (export "tries") (block $h (try_table (catch_all $h) nop)))
  (func (export "gc") (result i32) i32.const 1 struct.new $s struct.get $s 0)
  (func (export "relaxed") (param v128) (result v128) local.get 0 local.get 0 i8x16.relaxed_swizzle)
  (func (export "plain") (result i32) i32.const 4))`,
		map[string]bool{"throws": false, "tries": false, "gc": false, "relaxed": false, "plain": true}},
}

// TestBoundedCases checks every export of boundedCases.
func TestBoundedCases(t *testing.T) {
	for _, tc := range boundedCases {
		t.Run(tc.name, func(t *testing.T) {
			got, _, err := decodeBounded(wat(t, tc.wat))
			if err != nil {
				t.Fatal(err)
			}
			for name, want := range tc.want {
				if got[name] != want {
					t.Errorf("%s: bounded = %v, want %v", name, got[name], want)
				}
			}
			for name := range got {
				if _, ok := tc.want[name]; !ok {
					t.Errorf("%s: bounded but not listed", name)
				}
			}
		})
	}
}

// TestBoundedFuncImports checks the count of imported functions, which
// places defined functions in the index space.
func TestBoundedFuncImports(t *testing.T) {
	_, n, err := decodeBounded(wat(t, boundedCases[3].wat))
	if err != nil || n != 1 {
		t.Errorf("decodeBounded(imports) = %d imports, %v; want 1", n, err)
	}
}

// TestBoundedLongBody: a body longer than the cost limit is unbounded,
// one just under it is bounded, and so is a function with many locals
// only if they fit in the budget.
func TestBoundedLongBody(t *testing.T) {
	body := func(n int) string { return strings.Repeat("nop ", n) }
	locals := func(n int) string { return strings.Repeat("i64 ", n) }
	text := fmt.Sprintf(`(module
  (func (export "short") %s)
  (func (export "long") %s)
  (func (export "few_locals") (local %s))
  (func (export "many_locals") (local %s)))`,
		body(maxBoundedCost-2), body(maxBoundedCost), locals(100), locals(maxBoundedCost))
	got, _, err := decodeBounded(wat(t, text))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"short": true, "few_locals": true}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("bounded = %v, want %v", got, want)
	}
}

// TestBoundedGarbled: damaged modules give no bounded export and no
// panic; a damaged body only makes its own function unbounded.
func TestBoundedGarbled(t *testing.T) {
	good := wat(t, `(module
  (func (export "a") (result i32) i32.const 1)
  (func (export "b") (result i32) i32.const 2 i32.const 3 i32.add))`)
	if got, _, err := decodeBounded(good); err != nil || len(got) != 2 {
		t.Fatalf("decodeBounded(good) = %v, %v", got, err)
	}
	for n := range len(good) {
		b, _, _ := decodeBounded(good[:n])
		if len(b) != 0 && n < len(good)-1 {
			// Cutting the code section drops every body.
			t.Errorf("truncated to %d bytes: bounded %v", n, b)
		}
		if got, _ := analyzeBounded(good[:n]); len(got) != 0 {
			t.Errorf("analyzeBounded(truncated to %d) = %v", n, got)
		}
	}
	// Replace the i32.add of b (its last instruction before end) by an
	// unknown opcode, and then by a loop.
	for _, op := range []byte{0xFF, 0x03, 0x06, 0xFB, 0xFE, 0x11} {
		bad := append([]byte(nil), good...)
		i := len(bad) - 2
		if bad[i] != 0x6A {
			t.Fatalf("byte %d is %#x, want i32.add", i, bad[i])
		}
		bad[i] = op
		got, _, err := decodeBounded(bad)
		if err != nil || !reflect.DeepEqual(got, map[string]bool{"a": true}) {
			t.Errorf("opcode %#x: bounded = %v, %v; want only a", op, got, err)
		}
	}
	// Every single-byte change: no panic, and nothing the original did
	// not have (a changed export name aside).
	for i := range good {
		for _, v := range []byte{0x00, 0x01, 0x0B, 0x40, 0x7F, 0x80, 0xFF} {
			bad := append([]byte(nil), good...)
			bad[i] = v
			analyzeBounded(bad)
			if _, _, err := decodeBounded(bad); err != nil && !strings.Contains(err.Error(), "cannot decode") {
				t.Errorf("byte %d = %#x: error %v does not wrap errDecode", i, v, err)
			}
		}
	}
	if got, n := analyzeBounded(nil); got != nil || n != -1 {
		t.Errorf("analyzeBounded(nil) = %v, %d", got, n)
	}
	huge := make([]byte, maxAnalysisBytes+1)
	copy(huge, good)
	if got, _ := analyzeBounded(huge); len(got) != 0 {
		t.Errorf("analyzeBounded(over the limit) = %v", got)
	}
}

// TestModuleBounded checks the flags Compile records, for a module that
// Wasmtime accepts.
func TestModuleBounded(t *testing.T) {
	m, err := Compile(wat(t, boundedCases[2].wat))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range m.Exports() {
		if want := boundedCases[2].want[e.Name]; e.Bounded != want {
			t.Errorf("%s: Bounded = %v, want %v", e.Name, e.Bounded, want)
		}
	}
	im, err := Compile(wat(t, boundedCases[3].wat))
	if err != nil {
		t.Fatal(err)
	}
	if e, _ := im.Export("pure"); !e.Bounded {
		t.Error("pure: Bounded = false next to imports")
	}
}

// FuzzBounded decodes arbitrary bytes: it must not panic, must name only
// exported functions, and for modules Wasmtime accepts must count the
// imported functions as Wasmtime does.
func FuzzBounded(f *testing.F) {
	for _, tc := range boundedCases {
		f.Add(wat(f, tc.wat))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, imports, err := decodeBounded(data)
		if err != nil {
			if len(got) != 0 {
				t.Fatalf("error %v with bounded exports %v", err, got)
			}
			return
		}
		if wasmtime.ModuleValidate(engine(), data) != nil {
			return
		}
		mod, err := wasmtime.NewModule(engine(), data)
		if err != nil {
			return
		}
		m := wrapModule(mod, data)
		if n := m.funcImports(); n != imports {
			t.Fatalf("%d imported functions, Wasmtime says %d", imports, n)
		}
		for name := range got {
			if _, ok := m.Export(name); !ok {
				t.Fatalf("bounded %q is not an exported function", name)
			}
		}
	})
}

// simdNoImmediates are the SIMD instructions without immediates.
var simdNoImmediates = strings.Fields(`i8x16.swizzle i8x16.splat i16x8.splat i32x4.splat
 i64x2.splat f32x4.splat f64x2.splat
 i8x16.eq i8x16.ne i8x16.lt_s i8x16.lt_u i8x16.gt_s i8x16.gt_u i8x16.le_s i8x16.le_u i8x16.ge_s i8x16.ge_u
 i16x8.eq i16x8.ne i16x8.lt_s i16x8.lt_u i16x8.gt_s i16x8.gt_u i16x8.le_s i16x8.le_u i16x8.ge_s i16x8.ge_u
 i32x4.eq i32x4.ne i32x4.lt_s i32x4.lt_u i32x4.gt_s i32x4.gt_u i32x4.le_s i32x4.le_u i32x4.ge_s i32x4.ge_u
 f32x4.eq f32x4.ne f32x4.lt f32x4.gt f32x4.le f32x4.ge f64x2.eq f64x2.ne f64x2.lt f64x2.gt f64x2.le f64x2.ge
 v128.not v128.and v128.andnot v128.or v128.xor v128.bitselect v128.any_true
 f32x4.demote_f64x2_zero f64x2.promote_low_f32x4 i8x16.abs i8x16.neg i8x16.popcnt i8x16.all_true
 i8x16.bitmask i8x16.narrow_i16x8_s i8x16.narrow_i16x8_u f32x4.ceil f32x4.floor f32x4.trunc
 f32x4.nearest i8x16.shl i8x16.shr_s i8x16.shr_u i8x16.add i8x16.add_sat_s i8x16.add_sat_u i8x16.sub
 i8x16.sub_sat_s i8x16.sub_sat_u f64x2.ceil f64x2.floor i8x16.min_s i8x16.min_u i8x16.max_s
 i8x16.max_u f64x2.trunc i8x16.avgr_u i16x8.extadd_pairwise_i8x16_s i16x8.extadd_pairwise_i8x16_u
 i32x4.extadd_pairwise_i16x8_s i32x4.extadd_pairwise_i16x8_u i16x8.abs i16x8.neg i16x8.q15mulr_sat_s
 i16x8.all_true i16x8.bitmask i16x8.narrow_i32x4_s i16x8.narrow_i32x4_u i16x8.extend_low_i8x16_s
 i16x8.extend_high_i8x16_s i16x8.extend_low_i8x16_u i16x8.extend_high_i8x16_u i16x8.shl i16x8.shr_s
 i16x8.shr_u i16x8.add i16x8.add_sat_s i16x8.add_sat_u i16x8.sub i16x8.sub_sat_s i16x8.sub_sat_u
 f64x2.nearest i16x8.mul i16x8.min_s i16x8.min_u i16x8.max_s i16x8.max_u i16x8.avgr_u
 i16x8.extmul_low_i8x16_s i16x8.extmul_high_i8x16_s i16x8.extmul_low_i8x16_u i16x8.extmul_high_i8x16_u
 i32x4.abs i32x4.neg i32x4.all_true i32x4.bitmask i32x4.extend_low_i16x8_s i32x4.extend_high_i16x8_s
 i32x4.extend_low_i16x8_u i32x4.extend_high_i16x8_u i32x4.shl i32x4.shr_s i32x4.shr_u i32x4.add
 i32x4.sub i32x4.mul i32x4.min_s i32x4.min_u i32x4.max_s i32x4.max_u i32x4.dot_i16x8_s
 i32x4.extmul_low_i16x8_s i32x4.extmul_high_i16x8_s i32x4.extmul_low_i16x8_u i32x4.extmul_high_i16x8_u
 i64x2.abs i64x2.neg i64x2.all_true i64x2.bitmask i64x2.extend_low_i32x4_s i64x2.extend_high_i32x4_s
 i64x2.extend_low_i32x4_u i64x2.extend_high_i32x4_u i64x2.shl i64x2.shr_s i64x2.shr_u i64x2.add
 i64x2.sub i64x2.mul i64x2.eq i64x2.ne i64x2.lt_s i64x2.gt_s i64x2.le_s i64x2.ge_s
 i64x2.extmul_low_i32x4_s i64x2.extmul_high_i32x4_s i64x2.extmul_low_i32x4_u i64x2.extmul_high_i32x4_u
 f32x4.abs f32x4.neg f32x4.sqrt f32x4.add f32x4.sub f32x4.mul f32x4.div f32x4.min f32x4.max
 f32x4.pmin f32x4.pmax f64x2.abs f64x2.neg f64x2.sqrt f64x2.add f64x2.sub f64x2.mul f64x2.div
 f64x2.min f64x2.max f64x2.pmin f64x2.pmax i32x4.trunc_sat_f32x4_s i32x4.trunc_sat_f32x4_u
 f32x4.convert_i32x4_s f32x4.convert_i32x4_u i32x4.trunc_sat_f64x2_s_zero i32x4.trunc_sat_f64x2_u_zero
 f64x2.convert_low_i32x4_s f64x2.convert_low_i32x4_u`)

// simdWithImmediates are the SIMD instructions with immediates, written
// with them.
var simdWithImmediates = []string{
	"v128.load offset=1", "v128.load8x8_s", "v128.load8x8_u", "v128.load16x4_s", "v128.load16x4_u",
	"v128.load32x2_s", "v128.load32x2_u", "v128.load8_splat", "v128.load16_splat",
	"v128.load32_splat", "v128.load64_splat offset=300", "v128.store align=4",
	"v128.const i8x16 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16",
	"i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 31",
	"i8x16.extract_lane_s 15", "i8x16.extract_lane_u 1", "i8x16.replace_lane 2",
	"i16x8.extract_lane_s 7", "i16x8.extract_lane_u 3", "i16x8.replace_lane 4",
	"i32x4.extract_lane 3", "i32x4.replace_lane 1", "i64x2.extract_lane 1", "i64x2.replace_lane 0",
	"f32x4.extract_lane 2", "f32x4.replace_lane 3", "f64x2.extract_lane 1", "f64x2.replace_lane 1",
	"v128.load8_lane 15", "v128.load16_lane offset=2 7", "v128.load32_lane 3", "v128.load64_lane 1",
	"v128.store8_lane 0", "v128.store16_lane 1", "v128.store32_lane align=1 2", "v128.store64_lane 1",
	"v128.load32_zero", "v128.load64_zero offset=65536",
}

// TestBoundedSIMD decodes every SIMD instruction, each between two others
// so that a wrong immediate length shows: Wat2Wasm does not type-check, so
// the operands can be missing.
func TestBoundedSIMD(t *testing.T) {
	for _, op := range append(append([]string(nil), simdNoImmediates...), simdWithImmediates...) {
		text := `(module (memory 1) (func (export "f") i32.const 0x40 drop ` + op + ` i64.const -1 drop))`
		got, _, err := decodeBounded(wat(t, text))
		if err != nil || !got["f"] {
			t.Errorf("%s: bounded = %v, %v", op, got["f"], err)
		}
	}
	for _, op := range []string{"i8x16.relaxed_swizzle", "f32x4.relaxed_madd", "i32x4.relaxed_dot_i8x16_i7x16_add_s"} {
		got, _, err := decodeBounded(wat(t, `(module (func (export "f") `+op+`))`))
		if err != nil || got["f"] {
			t.Errorf("%s: bounded = %v, %v; want false", op, got["f"], err)
		}
	}
	if n := len(simdNoImmediates) + len(simdWithImmediates); n != 236 {
		t.Errorf("%d SIMD instructions listed, want 236", n)
	}
}
