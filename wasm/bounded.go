package wasm

import (
	"fmt"

	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// Bounded exports. Releasing and retaking the GIL costs about 45 ns a
// call, most of the price of a tiny call; it is needed only for calls that
// may run long, block, or call back into Python. The runtime decides this
// for any module by reading its code once, when the module is loaded: an
// exported function is bounded when it certainly executes at most
// maxBoundedCost instructions and calls no host function. Concretely its
// code, and the code of every function it calls, has
//
//   - no loop (a br can only jump forward, out of a block or an if),
//   - no call_indirect, call_ref or their return_ forms, and no call to an
//     imported function (host functions may do anything, and take the GIL
//     themselves),
//   - no memory.grow, no bulk memory (memory.init/copy/fill, data.drop),
//     no table instruction, no atomics (memory.atomic.wait blocks),
//   - no instruction outside the MVP, sign extension, saturating
//     truncation, SIMD and ref.null/is_null/func (exceptions, GC, relaxed
//     SIMD and anything unknown count as unbounded),
//
// and the direct call graph below it has no cycle (recursion is never
// bounded). Since a straight-line function may still call another one
// twice, which calls a third twice, and so on, the analysis also adds up
// the instructions along every call (a callee counts once per call site)
// and gives up past maxBoundedCost: the answer is an upper bound on what a
// call executes, not only the absence of loops.
//
// The decoder (internal/wasmbin) follows the binary format of the
// WebAssembly core specification
// (https://webassembly.github.io/spec/core/binary/) and its SIMD,
// multi-memory and reference-types additions. It reads only the import,
// function, export and code sections (and the type and memory sections
// for interface.go); scanBody decodes every immediate
// (LEB128 integers, block types, br_table vectors, memargs, the 0xFC and
// 0xFD prefixes), and answers "unbounded" for anything it does not
// understand: a function body it cannot decode, a module it cannot read,
// or one larger than maxAnalysisBytes (so the analysis takes linear time,
// a few milliseconds at most). It never guesses "bounded".

// maxBoundedCost is the most instructions a bounded export may execute,
// its callees included. A call that executes more takes microseconds,
// beside which the 45 ns of releasing the GIL do not matter.
const maxBoundedCost = 10000

// maxAnalysisBytes is the largest module analyzed; larger ones have no
// bounded export.
const maxAnalysisBytes = 32 << 20

// errDecode is wrapped by every decoding failure.
var errDecode = wasmbin.ErrDecode

// analyzeBounded returns the exported functions of wasm that are bounded
// (name -> true) and how many functions the module imports; an empty
// result when the module cannot be analyzed. It never panics.
func analyzeBounded(wasm []byte) (bounded map[string]bool, funcImports int) {
	_, bounded, funcImports = analyzeModule(wasm)
	return bounded, funcImports
}

// analyzeModule reads wasm once for both the bounded analysis and the
// module's interface (interface.go): it returns the interface (nil when
// the decoder cannot vouch for it), the bounded exports and the number of
// imported functions (-1 when the module cannot be analyzed). It never
// panics.
func analyzeModule(wasm []byte) (iface *moduleInterface, bounded map[string]bool, funcImports int) {
	defer func() {
		if recover() != nil {
			iface, bounded, funcImports = nil, nil, -1
		}
	}()
	if len(wasm) > maxAnalysisBytes {
		return nil, nil, -1
	}
	mod, err := wasmbin.Decode(wasm)
	if err != nil {
		return nil, nil, -1
	}
	b, err := boundedExports(mod)
	if err != nil {
		return nil, nil, -1
	}
	iface, err = readInterface(mod, b)
	if err != nil {
		iface = nil
	}
	return iface, b, mod.FuncImports
}

// decodeBounded is analyzeBounded reporting why a module could not be
// analyzed. Per function decoding failures only make that function
// unbounded.
func decodeBounded(wasm []byte) (map[string]bool, int, error) {
	if len(wasm) > maxAnalysisBytes {
		return nil, 0, fmt.Errorf("%w: %d bytes is over the analysis limit", errDecode, len(wasm))
	}
	mod, err := wasmbin.Decode(wasm)
	if err != nil {
		return nil, 0, err
	}
	b, err := boundedExports(mod)
	if err != nil {
		return nil, 0, err
	}
	return b, mod.FuncImports, nil
}

// boundedExports runs the analysis on the sections of a module.
func boundedExports(mod *wasmbin.Sections) (map[string]bool, error) {
	if len(mod.Bodies) != mod.Funcs {
		return nil, fmt.Errorf("%w: %d function types but %d bodies", errDecode, mod.Funcs, len(mod.Bodies))
	}
	fns := make([]funcCode, len(mod.Bodies))
	for i, body := range mod.Bodies {
		fns[i] = scanBody(body)
	}
	costs := callCosts(fns, mod.FuncImports)
	out := make(map[string]bool, len(mod.FuncExports))
	for _, e := range mod.FuncExports {
		if e.Index < uint32(mod.FuncImports) {
			continue // a re-exported host function
		}
		d := int(e.Index) - mod.FuncImports
		if d >= len(fns) {
			return nil, fmt.Errorf("%w: export %q of function %d out of range", errDecode, e.Name, e.Index)
		}
		if costs[d] <= maxBoundedCost {
			out[e.Name] = true
		}
	}
	return out, nil
}

// callCosts returns, for every defined function, an upper bound of the
// instructions a call executes, or maxBoundedCost+1 when it exceeds that
// or the function is unbounded for another reason (a forbidden
// instruction, a call to an import, a cycle). fns are the defined
// functions; direct call targets below imports are imported functions.
//
// It is an iterative depth-first search: a call that reaches a function
// still on the stack closes a cycle, which makes every function on the
// stack unbounded, as they all reach it.
func callCosts(fns []funcCode, imports int) []int {
	const over = maxBoundedCost + 1
	const (
		unvisited = iota
		onStack
		done
	)
	state := make([]uint8, len(fns))
	cost := make([]int, len(fns))
	type frame struct {
		fn   int
		next int // index in fns[fn].calls of the next call to follow
	}
	var stack []frame
	add := func(a, b int) int { return min(a+b, over) }
	for root := range fns {
		if state[root] != unvisited {
			continue
		}
		stack = append(stack[:0], frame{fn: root})
		state[root] = onStack
		cost[root] = fns[root].startCost(over)
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			f := top.fn
			pushed := false
			for cost[f] < over && top.next < len(fns[f].calls) {
				c := int(fns[f].calls[top.next])
				top.next++
				d := c - imports
				switch {
				case c < imports || d >= len(fns):
					cost[f] = over
				case state[d] == onStack:
					cost[f] = over
				case state[d] == done:
					cost[f] = add(cost[f], cost[d])
				default:
					state[d] = onStack
					cost[d] = fns[d].startCost(over)
					stack = append(stack, frame{fn: d})
					pushed = true
				}
				if pushed {
					break
				}
			}
			if pushed {
				continue
			}
			state[f] = done
			stack = stack[:len(stack)-1]
			if len(stack) > 0 {
				p := stack[len(stack)-1].fn
				cost[p] = add(cost[p], cost[f])
			}
		}
	}
	return cost
}

// A funcCode is what scanBody learned about one function body.
type funcCode struct {
	ok    bool     // decoded, and no instruction makes it unbounded
	ops   int      // instructions in the body
	calls []uint32 // direct call targets, one per call site
}

// startCost is the function's own cost for callCosts: its instructions,
// or over when the body alone is unbounded.
func (f funcCode) startCost(over int) int {
	if !f.ok {
		return over
	}
	return min(f.ops, over)
}

// scanBody decodes one function body (locals, then instructions up to
// the final end) and reports whether its own code is bounded.
func scanBody(body []byte) funcCode {
	r := wasmbin.NewReader(body)
	var fc funcCode
	groups, err := r.U32()
	if err != nil {
		return fc
	}
	for range groups {
		// Wasmtime zeroes every local on entry: count them as work.
		n, err := r.U32()
		if err != nil {
			return fc
		}
		fc.ops += int(min(n, maxBoundedCost))
		if _, err := r.ValType(); err != nil {
			return fc
		}
	}
	depth := 0 // open blocks, not counting the function's own
	for {
		if fc.ops >= maxBoundedCost {
			return fc // too long to be bounded: no need to read on
		}
		op, err := r.Byte()
		if err != nil {
			return fc
		}
		fc.ops++
		ok, err := instruction(&r, op, &depth, &fc.calls)
		if err != nil || !ok {
			return fc
		}
		if depth < 0 {
			// The function's final end must be its last byte.
			fc.ok = r.AtEnd()
			return fc
		}
	}
}

// instruction decodes the immediates of the instruction whose opcode op
// was just read. It returns false when the instruction makes the
// function unbounded (or is not understood), and tracks the block depth
// and direct calls.
func instruction(r *wasmbin.Reader, op byte, depth *int, calls *[]uint32) (bool, error) {
	switch {
	case op == 0x00 || op == 0x01 || op == 0x0F || op == 0x1A || op == 0x1B || op == 0xD1:
		// unreachable, nop, return, drop, select, ref.is_null
		return true, nil
	case op >= 0x45 && op <= 0xC4:
		// numeric instructions: MVP (0x45-0xBF) and sign extension
		return true, nil
	}
	switch op {
	case 0x02, 0x04: // block, if
		*depth++
		return true, r.BlockType()
	case 0x05: // else
		return *depth > 0, nil
	case 0x0B: // end
		*depth--
		return true, nil
	case 0x0C, 0x0D: // br, br_if: forward jumps, since there is no loop
		_, err := r.U32()
		return true, err
	case 0x0E: // br_table
		n, err := r.U32()
		for i := uint32(0); err == nil && i <= n; i++ {
			_, err = r.U32()
		}
		return true, err
	case 0x10, 0x12: // call, return_call
		f, err := r.U32()
		*calls = append(*calls, f)
		return true, err
	case 0x1C: // select with types
		n, err := r.U32()
		for i := uint32(0); err == nil && i < n; i++ {
			_, err = r.ValType()
		}
		return true, err
	case 0x20, 0x21, 0x22, 0x23, 0x24: // local.get/set/tee, global.get/set
		_, err := r.U32()
		return true, err
	case 0x3F: // memory.size
		_, err := r.U32()
		return true, err
	case 0x41: // i32.const
		return true, skipSleb(r, 5)
	case 0x42: // i64.const
		return true, skipSleb(r, 10)
	case 0x43: // f32.const
		return true, r.Skip(4)
	case 0x44: // f64.const
		return true, r.Skip(8)
	case 0xD0: // ref.null
		return true, skipSleb(r, 5)
	case 0xD2: // ref.func
		_, err := r.U32()
		return true, err
	case 0xFC:
		sub, err := r.U32()
		// 0-7 are the saturating truncations, without immediates; the
		// rest are bulk memory and table instructions.
		return err == nil && sub <= 7, err
	case 0xFD:
		return simd(r)
	}
	if op >= 0x28 && op <= 0x3E { // loads and stores
		return true, skipMemarg(r)
	}
	// loop (0x03), call_indirect (0x11), return_call_indirect (0x13),
	// call_ref (0x14, 0x15), table.get/set (0x25, 0x26), memory.grow
	// (0x40), exceptions, GC (0xFB), atomics (0xFE), and unknown opcodes.
	return false, nil
}

// simd decodes a 0xFD instruction after its prefix. Every SIMD
// instruction runs in constant time; the sub-opcode says which immediates
// follow. Relaxed SIMD and unassigned sub-opcodes answer false.
func simd(r *wasmbin.Reader) (bool, error) {
	sub, err := r.U32()
	if err != nil {
		return false, err
	}
	switch {
	case sub <= 11, sub == 92, sub == 93: // loads and stores
		return true, skipMemarg(r)
	case sub == 12, sub == 13: // v128.const, i8x16.shuffle
		return true, r.Skip(16)
	case sub >= 21 && sub <= 34: // extract_lane, replace_lane
		return true, r.Skip(1)
	case sub >= 84 && sub <= 91: // load_lane, store_lane
		if err := skipMemarg(r); err != nil {
			return false, err
		}
		return true, r.Skip(1)
	case sub >= 14 && sub <= 83, sub >= 94 && sub <= 255:
		return !simdUnassigned[sub], nil
	}
	return false, nil
}

// simdUnassigned lists the sub-opcodes between 94 and 255 that name no
// SIMD instruction.
var simdUnassigned = map[uint32]bool{
	0x9A: true, 0xA2: true, 0xA5: true, 0xA6: true, 0xAF: true, 0xB0: true,
	0xB2: true, 0xB3: true, 0xB4: true, 0xBB: true, 0xC2: true, 0xC5: true,
	0xC6: true, 0xCF: true, 0xD0: true, 0xD2: true, 0xD3: true, 0xD4: true,
	0xE2: true, 0xEE: true,
}

// skipSleb skips a signed LEB128 integer of at most maxLen bytes, whose
// value does not matter to the analysis.
func skipSleb(r *wasmbin.Reader, maxLen int) error {
	_, err := r.Sleb(maxLen)
	return err
}

// skipMemarg skips the memarg of a load or store.
func skipMemarg(r *wasmbin.Reader) error {
	_, _, err := r.Memarg()
	return err
}
