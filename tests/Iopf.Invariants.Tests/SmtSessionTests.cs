using Iopf.Invariants.Z3Native;

namespace Iopf.Invariants.Tests;

public sealed class SmtSessionTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    [Fact]
    public void Unsat_and_sat_with_model()
    {
        Assert.Equal(SmtOutcome.Unsat, fixture.Session.Check("(declare-const x (_ BitVec 8))(assert (bvult x x))(check-sat)").Outcome);

        var sat = fixture.Session.Check("(declare-const x (_ BitVec 8))(declare-const p Bool)(assert (= (bvadd x #x01) #x00))(assert p)(check-sat)");
        Assert.Equal(SmtOutcome.Sat, sat.Outcome);
        Assert.Equal((UInt128)0xff, sat.Model["x"]);
        Assert.Equal(UInt128.One, sat.Model["p"]);
    }

    [Fact]
    public void Bad_smt_text_gives_one_line_error_and_the_session_stays_usable()
    {
        const string bad = "(declare-const x (_ BitVec 8))\n(assert (= y x))\n(check-sat)";
        var thrown = Assert.Throws<SmtException>(() => fixture.Session.Run(bad));
        Assert.Equal("Z3 rejected the SMT text: line 2 column 11: unknown constant y", thrown.Message);

        var result = fixture.Session.Check(bad);
        Assert.Equal(SmtOutcome.Error, result.Outcome);
        Assert.Equal(thrown.Message, result.Error);
        Assert.DoesNotContain("\n", result.Error, StringComparison.Ordinal);

        // A fresh query after the error is answered normally, and sees no declaration from the failed one.
        Assert.Equal(SmtOutcome.Sat, fixture.Session.Check("(declare-const y (_ BitVec 8))(check-sat)").Outcome);
    }

    [Fact]
    public void Unbalanced_text_is_an_error_not_a_crash()
    {
        var result = fixture.Session.Check("(declare-const x (_ BitVec 8)(check-sat)");
        Assert.Equal(SmtOutcome.Error, result.Outcome);
        Assert.StartsWith("Z3 rejected the SMT text: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_check_sat_is_reported()
    {
        var result = fixture.Session.Check("(declare-const x (_ BitVec 8))");
        Assert.Equal(SmtOutcome.Error, result.Outcome);
        Assert.Contains("expected sat, unsat or unknown", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Declarations_do_not_leak_between_queries()
    {
        fixture.Session.Run("(declare-const leak (_ BitVec 8))");
        Assert.Throws<SmtException>(() => fixture.Session.Run("(assert (= leak #x00))"));
    }

    [Fact]
    public void Disposed_session_refuses_work()
    {
        var session = new SmtSession();
        session.Dispose();
        session.Dispose();
        Assert.Throws<ObjectDisposedException>(() => session.Run("(check-sat)"));
    }

    [Fact]
    public void Library_is_the_system_libz3_and_the_missing_library_message_is_one_line()
    {
        Assert.StartsWith("4.", Z3Library.Version, StringComparison.Ordinal);
        var thrown = Assert.Throws<Z3NotFoundException>(() => Z3Library.LoadFirst(["libz3-missing-a.so", "libz3-missing-b.so"]));
        Assert.Equal("libz3 not found (tried libz3-missing-a.so, libz3-missing-b.so): install it with `apt-get install -y libz3-4`", thrown.Message);
    }
}
