package wasmgen

import (
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/plan"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// Interruption. Ctrl-C must stop any call within about 100 ms, but
// Wasmtime's epoch checks (a check at every function entry and loop
// back-edge) slowed the benchmark kernels by 40 to 85%, so the runtime
// compiles programs without them. Compiled code checks instead a word of
// its own memory, InterruptAddr, which the runtime's SIGINT handler sets
// (abi.go), and traps with ErrInterrupt when it is nonzero. The check is
// one load and a branch that is never taken. The load is atomic
// (i32.atomic.load, a plain load on x86-64 and arm64): an ordinary load
// of the same address with no store in between may be merged with an
// earlier one by Cranelift, which knows that nothing else writes a
// non-shared memory, and a loop after an earlier check would then never
// see the word change. The checks go only where a call could otherwise
// run for long:
//
//   - at the top of every `while` loop and every loop over a list or a
//     string, each iteration;
//   - in a `for ... in range(...)` whose step has a known sign, once per
//     chunk of up to ChunkIterations iterations when the body is light (no
//     call, no list or string built; a loop nested in it checks itself):
//     the loop is split into an outer loop, which checks and computes the
//     end of the next chunk, and the inner loop, whose exit test compares
//     with that end instead of with stop, so an iteration costs exactly
//     what it did. A range loop with a heavy body, or a step of unknown
//     sign, checks each iteration; one that provably runs at most
//     ChunkIterations times does not check at all;
//   - at the entry of every function that lies on a cycle of calls
//     (recursion, direct or mutual), since recursion may run long without
//     a loop (fib(50));
//   - under the tail call transformation, before the jump back of each
//     tail call X + f(args) whose X does not certainly call a function on
//     a cycle of calls (which checks at its entry): `return 1 + f(n + 1)`
//     loops without calling anything. For fib, `fib(n - 1) + fib(n - 2)`,
//     X calls fib, unless the leading guard skips that call (leafguard.go)
//     because n - 1 < 2; then n - 2 < 2 too, and the loop ends at the next
//     test of the guard: no check is needed (plan.TailPassCalls has the
//     proof).
//
// Everything else runs a bounded number of instructions between two
// checks: straight-line code, calls of functions that are not recursive
// (whose loops check themselves), and the runtime helpers, whose loops are
// bounded by the size of a list or string.

// interruptChecks turns the checks (and the chunking of range loops) on;
// only the test that measures their cost turns them off.
var interruptChecks = true

// interruptCheck emits the test of the interrupt word: if the runtime set
// it, trap with ErrInterrupt.
func (fg *fgen) interruptCheck() {
	if !interruptChecks {
		return
	}
	fg.I32(0)
	fg.EmitImm(wasmbin.OpI32AtomicLoad, abi.InterruptAddr)
	fg.TrapIf(abi.ErrInterrupt)
}

// addInterruptExport gives the module the immutable global InterruptExport
// holding InterruptAddr, which tells the runtime that the module's code
// polls that word. It goes last so that the indexes of the other globals
// do not move.
func (g *gen) addInterruptExport() {
	g.mod.Globals = append(g.mod.Globals, &wasmbin.Global{Name: abi.InterruptExport, Type: wasmbin.I32, Init: abi.InterruptAddr, Export: true})
}

// chunkedLoop emits the loop s (a range loop, or a loop run like one)
// whose step has a known sign (stepSign) in chunks of at most
// ChunkIterations iterations (see above), its nested loops checking on
// entry (inNest):
//
//	block                               ; break
//	  br_if 0 (exit test)               ; an empty range costs no more
//	  span = ChunkIterations * |step|
//	  loop                              ; one chunk
//	    check the interrupt word
//	    lim = the end of the chunk      ; cur + span, or stop when nearer
//	    br_if 1 (lim <= cur)            ; never taken (see below)
//	    block
//	      loop                          ; one iteration (plan.Unroll(s)
//	        br_if 1 (cur >= lim)        ; of them, each with its test)
//	        body and advance of cur     ; leaves with br_if 3 on overflow
//	        br 0
//	      end
//	    end
//	    br_if 1 (exit test)
//	    br 0
//	  end
//	end
//
// Since cur is inside the range at the top of a chunk, stop - cur (cur -
// stop) is exact as an unsigned number, and the chunk ends at cur + span
// only when that lies before stop, so cur + span cannot overflow either.
// A span that does not fit in 53 bits (a huge step: a few thousand
// iterations in all) is all ones, and the chunk runs to stop. The test of
// lim, which never leaves since lim lies strictly beyond cur, makes
// Cranelift compute lim once per chunk: otherwise it recomputes cur + span
// (an add of a constant, which it prefers to recompute where it is used)
// and the select in every iteration. The loop of one chunk has the shape
// of the loop without chunks, its exit test comparing with lim instead of
// stop, so that an iteration costs what it did: a loop tested at the
// bottom measured the same at best, but was up to 24% slower at the median
// on this loaded machine for the guide's kernel.
func (fg *fgen) chunkedLoop(s ast.Stmt, cur, stop uint32, step int64, stepConst bool, stepLocal uint32, stepSign int,
	exitTest, bodyAndAdvance func()) {
	fg.inNest(s, func() {
		fg.chunks(cur, stop, step, stepConst, stepLocal, stepSign, fg.Unroll(s), exitTest, bodyAndAdvance)
	})
}

// chunks emits the loop of chunkedLoop, its turn written unroll times in
// the loop of one chunk.
func (fg *fgen) chunks(cur, stop uint32, step int64, stepConst bool, stepLocal uint32, stepSign int,
	unroll int, exitTest, bodyAndAdvance func()) {
	lim := fg.Temp(wasmbin.I64)
	defer fg.Release(wasmbin.I64, lim)
	fg.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	fg.Mark(markBreak)
	exitTest()
	fg.EmitImm(wasmbin.OpBrIf, 0)
	span := func() { fg.I64(-1) }
	if stepConst {
		mag := step
		if mag < 0 {
			mag = -mag
		}
		if mag < 1<<53 {
			c := mag * plan.ChunkIterations
			span = func() { fg.I64(c) }
		}
	} else {
		abs, sp := fg.Temp(wasmbin.I64), fg.Temp(wasmbin.I64)
		defer fg.Release(wasmbin.I64, abs, sp)
		if stepSign > 0 {
			fg.Get(stepLocal)
		} else {
			fg.I64(0)
			fg.Get(stepLocal)
			fg.Emit(wasmbin.OpI64Sub) // MIN stays MIN: 2**63 unsigned, too big below
		}
		fg.Tee(abs)
		fg.I64(10) // log2(ChunkIterations)
		fg.Emit(wasmbin.OpI64Shl)
		fg.I64(-1)
		fg.Get(abs)
		fg.I64(1 << 53)
		fg.Emit(wasmbin.OpI64LtU)
		fg.Emit(wasmbin.OpSelect)
		fg.Set(sp)
		span = func() { fg.Get(sp) }
	}
	fg.Begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	fg.interruptCheck()
	// lim = (|stop - cur| >u span) ? cur ± span : stop
	fg.Get(cur)
	span()
	if stepSign > 0 {
		fg.Emit(wasmbin.OpI64Add)
	} else {
		fg.Emit(wasmbin.OpI64Sub)
	}
	fg.Get(stop)
	if stepSign > 0 {
		fg.Get(stop)
		fg.Get(cur)
	} else {
		fg.Get(cur)
		fg.Get(stop)
	}
	fg.Emit(wasmbin.OpI64Sub)
	span()
	fg.Emit(wasmbin.OpI64GtU)
	fg.Emit(wasmbin.OpSelect)
	fg.Tee(lim)
	fg.Get(cur)
	if stepSign > 0 {
		fg.Emit(wasmbin.OpI64LeS)
	} else {
		fg.Emit(wasmbin.OpI64GeS)
	}
	fg.EmitImm(wasmbin.OpBrIf, 1)
	fg.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	fg.Begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	for range unroll { // the unroll pass: the turn written again
		fg.Get(cur)
		fg.Get(lim)
		if stepSign > 0 {
			fg.Emit(wasmbin.OpI64GeS)
		} else {
			fg.Emit(wasmbin.OpI64LeS)
		}
		fg.EmitImm(wasmbin.OpBrIf, 1)
		bodyAndAdvance()
	}
	fg.EmitImm(wasmbin.OpBr, 0)
	fg.End()
	fg.End()
	exitTest()
	fg.EmitImm(wasmbin.OpBrIf, 1)
	fg.EmitImm(wasmbin.OpBr, 0)
	fg.End()
	fg.End()
}
