using YamlDotNet.RepresentationModel;

namespace KubeMcp.Cli.Evaluation.Tasks;

/// <summary>Reads a task's verification: <c>verify:</c> (state, answer, script, within) and k8s-bench's <c>verifier</c> and <c>expect</c>.</summary>
internal static class VerifySection
{
    public static TaskVerification Parse(YamlMap map, string dir)
    {
        var verify = map.Map("verify");
        verify?.RejectUnknown("within", "state", "answer", "script");
        if (verify?.Has("script") == true && map.Has("verifier"))
        {
            throw map.Error("give the verification script either as verify.script or as k8s-bench's verifier:, not both");
        }
        var script = verify?.Has("script") == true ? TaskFile.OptionalFile(verify, "script", dir, "verify.sh") : TaskFile.OptionalFile(map, "verifier", dir, "verify.sh");
        var answer = verify?.Map("answer") is { } a ? Answer(a) : null;
        var expect = map.List("expect");
        if (expect.Count > 0)
        {
            // k8s-bench: expect: [{contains: "…"}, {notContains: "…"}]
            var mentions = new List<IReadOnlyList<string>>(answer?.Mentions ?? []);
            var excludes = new List<string>(answer?.Excludes ?? []);
            for (var i = 0; i < expect.Count; i++)
            {
                var e = map.Item(expect[i], "expect", i);
                e.RejectUnknown("contains", "notContains");
                if (e.String("contains") is { } c)
                {
                    mentions.Add([c]);
                }
                if (e.String("notContains") is { } n)
                {
                    excludes.Add(n);
                }
            }
            answer = new AnswerAssertion { Mentions = mentions, Excludes = excludes };
        }
        var state = new List<StateAssertion>();
        var items = verify?.List("state") ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            state.Add(StateAssertions.Parse(verify!.Item(items[i], "state", i), i));
        }
        return new TaskVerification
        {
            Within = verify?.Duration("within") ?? TimeSpan.Zero,
            State = state,
            Answer = answer,
            Script = script,
        };
    }

    private static AnswerAssertion Answer(YamlMap answer)
    {
        answer.RejectUnknown("mentions", "excludes");
        var mentions = new List<IReadOnlyList<string>>();
        var items = answer.List("mentions");
        for (var i = 0; i < items.Count; i++)
        {
            mentions.Add(items[i] switch
            {
                YamlScalarNode { Value: { Length: > 0 } v } => [v],
                YamlSequenceNode seq when seq.Children.Count > 0 && seq.Children.All(c => c is YamlScalarNode { Value.Length: > 0 }) =>
                    [.. seq.Children.Cast<YamlScalarNode>().Select(c => c.Value!)],
                var n => throw answer.Error(n, $"answer.mentions[{i}] must be a phrase or a list of alternative phrases"),
            });
        }
        var result = new AnswerAssertion { Mentions = mentions, Excludes = answer.Strings("excludes") };
        return result.Mentions.Count + result.Excludes.Count > 0 ? result : throw answer.Error("answer: needs mentions or excludes");
    }
}
