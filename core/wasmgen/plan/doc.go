// Package plan holds the optimization passes of core/wasmgen: their
// registry (passes.go: each pass has a name and can be switched off), the
// analyses that decide what they do, with their proofs in the doc
// comments, and the plans they write (plan.go: Module for the module,
// FuncPlan for each function) before a function is lowered.
//
// The analyses depend on the tree, the checker's Info and what they
// compute themselves, never on the state of lowering:
//
//   - fold.go: constants and folding (Consts.ConstOf, FoldBinary);
//   - interval.go, ranges.go: intervals with saturating arithmetic, and
//     Func, the interval analysis of one function (RangeOf under facts:
//     range loop variables, guarded parameters, a specialization's
//     hypothesis);
//   - facts.go: the facts of functions and loops (FuncFacts, LoopInfo:
//     loops, assigned names, innermost, ...), computed once per module
//     and read by every pass;
//   - counters.go, loopcarried.go, condfacts.go: more facts of the
//     interval analysis (intervals of assigned locals, loop-carried
//     intervals, the facts of a condition that held);
//   - guards.go, tailcall.go, leafguard.go, specialize.go, specplan.go,
//     selfinline.go, strappend.go, hoist.go, version.go, fdiv.go,
//     cse.go, strloop.go, interrupt.go, light.go, pureuses.go: one pass
//     or group of checks each.
//
// core/wasmgen lowers a function with a Func embedded in its generator:
// it narrows the facts where it knows more (WithFact in a guarded block,
// WithFacts under a condition, SetFact and Inlined for the parameters of
// an inlined guard or copy), and where an analysis needs to know what
// lowering keeps in locals (the list headers a loop hoisted), lowering
// passes that in explicitly (ProvableLists, RowAccesses).
package plan
