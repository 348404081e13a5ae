using Persona.Cli.Reports;

namespace Persona.Cli.Tests.Reports;

public sealed class SequenceDiagramModelTests
{
    private const string Diagram = """
        sequenceDiagram
            participant P0 as test
            participant P1 as core0
            participant P2 as monitor Rules
            P0-->>P1: create
            P0->>P1: Start ( Epoch = 0 )
            P1-)P0: Ack ( ) (link)
            Note over P1: Running
            Note over P0,P2: BUG AssertionFailure: rules broken: MEM-2
        """;

    [Fact]
    public void Parse_ReadsParticipantsArrowsNotesAndTheFailure()
    {
        var model = SequenceDiagramModel.Parse(Diagram);
        Assert.Equal(["test", "core0", "monitor Rules"], model.Participants);
        Assert.Equal(
            [SequenceRowKind.Create, SequenceRowKind.Message, SequenceRowKind.LinkMessage, SequenceRowKind.Note, SequenceRowKind.Failure],
            model.Rows.Select(r => r.Kind));
        Assert.Equal(new SequenceRow(SequenceRowKind.LinkMessage, 1, 0, "Ack ( )"), model.Rows[2]);
        Assert.Equal(new SequenceRow(SequenceRowKind.Failure, 0, 2, "BUG AssertionFailure: rules broken: MEM-2"), model.Rows[4]);
        Assert.Equal(4, model.FailureRow);
    }

    [Theory]
    [InlineData("flowchart LR", "does not start")]
    [InlineData("sequenceDiagram\n    participant P0 as a\n    P0->>P3: x", "undeclared participant P3")]
    [InlineData("sequenceDiagram\n    participant P1 as a", "out of order")]
    [InlineData("sequenceDiagram\n    participant P0 as a\n    loop forever", "unrecognised diagram line")]
    public void Parse_RejectsWhatItCannotDraw_SayingWhy(string text, string fault)
    {
        var e = Assert.Throws<FormatException>(() => SequenceDiagramModel.Parse(text));
        Assert.Contains(fault, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LongTrace_KeepsTheLastRowsWithTheFailure_AndSaysHowManyItLeftOut()
    {
        var rows = Enumerable.Range(0, SequenceDiagramSvg.MaxRows + 50).Select(i => new SequenceRow(SequenceRowKind.Message, 0, 1, $"E{i}"))
            .Append(new SequenceRow(SequenceRowKind.Failure, 0, 1, "BUG x")).ToList();
        var svg = SequenceDiagramSvg.Render(new SequenceDiagramModel(["a", "b"], rows), "d");
        Assert.Contains("51 earlier rows left out", svg, StringComparison.Ordinal);
        Assert.DoesNotContain(">E50<", svg, StringComparison.Ordinal);
        Assert.Contains(">E51<", svg, StringComparison.Ordinal);
        Assert.Contains("✗ failing step: BUG x", svg, StringComparison.Ordinal);
        Assert.Contains("<g class=\"message failing\"><line x1=\"95\" y1=\"", svg, StringComparison.Ordinal);
    }
}
