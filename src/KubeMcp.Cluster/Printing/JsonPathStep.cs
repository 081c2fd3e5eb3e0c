namespace KubeMcp.Cluster.Printing;

/// <summary>One step of a parsed <see cref="JsonPath"/>.</summary>
/// <param name="Kind">What the step selects.</param>
/// <param name="Name">The key, for <see cref="StepKind.Field"/> and <see cref="StepKind.RecursiveField"/>.</param>
/// <param name="Index">The position for <see cref="StepKind.Index"/> (negative counts from the end).</param>
/// <param name="Start">First position of a <see cref="StepKind.Slice"/>, or null for the start.</param>
/// <param name="End">Position after the last of a <see cref="StepKind.Slice"/>, or null for the end.</param>
/// <param name="Step">Stride of a <see cref="StepKind.Slice"/>.</param>
/// <param name="Filter">The predicate of a <see cref="StepKind.Filter"/>.</param>
internal sealed record JsonPathStep(
    JsonPathStep.StepKind Kind,
    string Name = "",
    int Index = 0,
    int? Start = null,
    int? End = null,
    int Step = 1,
    JsonPathFilter? Filter = null)
{
    public enum StepKind
    {
        /// <summary><c>.name</c> or <c>['name']</c>: a key of an object.</summary>
        Field,

        /// <summary><c>..name</c>: the key at any depth.</summary>
        RecursiveField,

        /// <summary><c>.*</c> or <c>[*]</c>: every element or value.</summary>
        Wildcard,

        /// <summary><c>[2]</c>, <c>[-1]</c>: one array element.</summary>
        Index,

        /// <summary><c>[1:3]</c>, <c>[::2]</c>: a range of array elements.</summary>
        Slice,

        /// <summary><c>[?(@.type=="Ready")]</c>: the array elements the predicate holds for.</summary>
        Filter,
    }
}
