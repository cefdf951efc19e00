using Iopf.Invariants.Smt;

namespace Iopf.Invariants.Tests;

public sealed class ModelParserTests
{
    [Fact]
    public void Parses_hex_binary_decimal_and_bool_values()
    {
        const string model = """
            (
              (define-fun y () (_ BitVec 3)
                #b101)
              (define-fun x () (_ BitVec 128)
                #xffffffffffffffffffffffffffffffff)
              (define-fun |quoted name| () (_ BitVec 16) (_ bv4660 16))
              (define-fun ok () Bool
                true)
              (define-fun no () Bool false)
            )
            """;
        var values = ModelParser.Parse(model);
        Assert.Equal((UInt128)5, values["y"]);
        Assert.Equal(UInt128.MaxValue, values["x"]);
        Assert.Equal((UInt128)0x1234, values["quoted name"]);
        Assert.Equal(UInt128.One, values["ok"]);
        Assert.Equal(UInt128.Zero, values["no"]);
    }

    [Fact]
    public void Skips_functions_and_echoed_definitions_and_accepts_the_old_model_keyword()
    {
        const string model = """
            (model
              (define-fun base () (_ BitVec 64) #x0000000000100000)
              (define-fun end () (_ BitVec 64) (bvadd base #x0000000000002000))
              (define-fun f ((k (_ BitVec 8))) (_ BitVec 8) k) ; a function, not a constant
            )
            """;
        var values = ModelParser.Parse(model);
        Assert.Equal(["base"], values.Keys);
        Assert.Equal((UInt128)0x100000, values["base"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("((define-fun x () (_ BitVec 8) #xff)")]
    [InlineData("(define-fun x () (_ BitVec 8) #xff))")]
    [InlineData("((define-fun x () (_ BitVec 8) #xzz))")]
    [InlineData("((declare-fun x () (_ BitVec 8)))")]
    [InlineData("((define-fun x () (_ BitVec 8) wrong))")]
    public void Malformed_models_are_rejected(string text) =>
        Assert.ThrowsAny<FormatException>(() => ModelParser.Parse(text));

    [Fact]
    public void Single_values_parse_on_their_own()
    {
        Assert.Equal((UInt128)0xab, ModelParser.ParseValue("#xab\n"));
        Assert.Equal((UInt128)2, ModelParser.ParseValue("#b10"));
        Assert.Throws<FormatException>(() => ModelParser.ParseValue("#x01 #x02"));
    }
}
