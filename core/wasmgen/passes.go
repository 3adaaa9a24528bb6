package wasmgen

import "github.com/multilingualprogramming/multilingual/core/wasmgen/plan"

// The registry of the passes lives in core/wasmgen/plan; these names
// keep it reachable as wasmgen's, for the compiler, the bridge and the
// tests.

// A Pass is one optimization of the generator (plan.Pass).
type Pass = plan.Pass

// A PassSet is a set of passes (plan.PassSet).
type PassSet = plan.PassSet

// A PassInfo describes one pass of the registry (plan.PassInfo).
type PassInfo = plan.PassInfo

// An UnknownPassError reports a pass name that is not in the registry
// (plan.UnknownPassError).
type UnknownPassError = plan.UnknownPassError

// The passes, in the order of the registry (plan has their docs).
const (
	PassFold       = plan.PassFold
	PassDeadCode   = plan.PassDeadCode
	PassGuards     = plan.PassGuards
	PassStrAppend  = plan.PassStrAppend
	PassHoist      = plan.PassHoist
	PassVersion    = plan.PassVersion
	PassTailCall   = plan.PassTailCall
	PassLeafGuard  = plan.PassLeafGuard
	PassSpecialize = plan.PassSpecialize
	PassSelfInline = plan.PassSelfInline
	PassFDiv       = plan.PassFDiv
	PassBranches   = plan.PassBranches
	PassCondFacts  = plan.PassCondFacts
	PassCounters   = plan.PassCounters
	PassCSE        = plan.PassCSE
	PassConstPow   = plan.PassConstPow
	PassStrChars   = plan.PassStrChars
	PassCarried    = plan.PassCarried
	PassMulConst   = plan.PassMulConst
	PassWrapMod    = plan.PassWrapMod
	PassIVPtr      = plan.PassIVPtr
	PassPolyHash   = plan.PassPolyHash
	PassListLoops  = plan.PassListLoops
	PassElems      = plan.PassElems
	PassWhileRange = plan.PassWhileRange
	PassUnroll     = plan.PassUnroll
	PassRowData    = plan.PassRowData
	PassRowHoist   = plan.PassRowHoist
)

// AllPasses is every pass of the registry: what Optimize runs.
const AllPasses = plan.AllPasses

// BasePasses are the passes that run without Optimize (plan.BasePasses).
const BasePasses = plan.BasePasses

// Passes is the registry: every pass with its name and what it does
// (plan.Passes, the same slice).
var Passes = plan.Passes

// PassNames returns the names of the registry, in its order.
func PassNames() []string { return plan.PassNames() }

// ParsePasses returns the set of the named passes (plan.ParsePasses).
func ParsePasses(names []string) (PassSet, error) { return plan.ParsePasses(names) }

// Passes returns the passes that o runs: AllPasses with Optimize,
// BasePasses without, less those of Disable.
func (o Options) Passes() PassSet {
	s := BasePasses
	if o.Optimize {
		s = AllPasses
	}
	return s &^ o.Disable
}

// on reports whether the generation runs pass p.
func (g *gen) on(p Pass) bool { return g.passes.Has(p) }
