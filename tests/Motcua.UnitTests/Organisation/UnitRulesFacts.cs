using Motcua.Common;
using Motcua.Common.Tabular;
using Motcua.Organisation;
using Motcua.Organisation.Contracts;

namespace Motcua.UnitTests.Organisation;

public sealed class UnitRulesFacts
{
    private static readonly DateOnly Founded = new(2000, 1, 1);
    private static readonly DateTime Now = new(2026, 11, 24, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_district_cannot_exist_after_30_June_2025()
    {
        var province = AdministrativeUnit.Create("52", "Tỉnh Gia Lai", UnitKind.Province, null, Founded);

        var error = Assert.Throws<DomainException>(() => AdministrativeUnit.Create("540", "Huyện Tuy Phước", UnitKind.District, province, Founded));
        Assert.Equal("kind", error.Field);
        var historic = AdministrativeUnit.Create("540", "Huyện Tuy Phước", UnitKind.District, province, Founded, new DateOnly(2025, 6, 30));
        Assert.Equal(new DateOnly(2025, 6, 30), historic.ValidTo);
    }

    [Fact]
    public void A_commune_cannot_hang_under_a_district_after_the_reform()
    {
        var province = AdministrativeUnit.Create("52", "Tỉnh Gia Lai", UnitKind.Province, null, Founded);
        var district = AdministrativeUnit.Create("540", "Huyện Tuy Phước", UnitKind.District, province, Founded, new DateOnly(2025, 6, 30));

        var error = Assert.Throws<DomainException>(() => AdministrativeUnit.Create("21760", "Xã Tuy Phước", UnitKind.Commune, district, new DateOnly(2025, 7, 1)));
        Assert.Equal("parentCode", error.Field);
    }

    [Fact]
    public void A_commune_needs_a_parent_and_a_province_does_not()
    {
        Assert.Equal("parentCode", Assert.Throws<DomainException>(() => AdministrativeUnit.Create("1", "Xã A", UnitKind.Commune, null, Founded)).Field);
        Assert.Null(AdministrativeUnit.Create("52", "Tỉnh Gia Lai", UnitKind.Province, null, Founded).ParentId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad code!")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ")]
    public void Codes_are_validated(string code) =>
        Assert.Equal("code", Assert.Throws<DomainException>(() => AdministrativeUnit.Create(code, "Tỉnh", UnitKind.Province, null, Founded)).Field);

    [Fact]
    public void Renaming_records_the_old_and_new_name_and_closing_twice_is_refused()
    {
        var unit = AdministrativeUnit.Create("52", "Tỉnh Bình Định", UnitKind.Province, null, Founded);

        var renamed = unit.Rename("Tỉnh Gia Lai", new DateOnly(2025, 7, 1), "admin", Now);
        Assert.Equal(("Tỉnh Bình Định", "Tỉnh Gia Lai", UnitEventKind.Renamed), (renamed.OldValue, renamed.NewValue, renamed.Kind));
        unit.Close(new DateOnly(2030, 1, 1), "admin", Now);
        Assert.Throws<DomainException>(() => unit.Close(new DateOnly(2030, 1, 2), "admin", Now));
        Assert.Throws<DomainException>(() => unit.Rename("Tỉnh X", new DateOnly(2031, 1, 1), "admin", Now));
    }

    [Fact]
    public void Scope_covers_descendants_and_predecessors_but_not_siblings()
    {
        UnitSummary Unit(string code, Guid? parent) => new(Guid.NewGuid(), code, code, UnitKind.Commune, parent, Founded, null);
        var province = Unit("P", null);
        var district = Unit("D", province.Id);
        var oldA = Unit("OA", district.Id);
        var oldB = Unit("OB", district.Id);
        var merged = Unit("M", province.Id);
        var sibling = Unit("S", province.Id);
        var tree = new UnitTree([province, district, oldA, oldB, merged, sibling], [(oldA.Id, merged.Id), (oldB.Id, merged.Id)], DateTimeOffset.UnixEpoch);

        Assert.Equal(new[] { merged.Id, oldA.Id, oldB.Id }.Order(), tree.Scope(merged.Id).Order());
        Assert.Equal(6, tree.Scope(province.Id).Count);
        Assert.DoesNotContain(sibling.Id, tree.Scope(merged.Id));
        Assert.Empty(tree.Scope(Guid.NewGuid()));
    }

    [Fact]
    public void Csv_handles_quotes_semicolons_and_line_numbers()
    {
        var records = TabularFile.ParseCsv("code;name\n\"1\";\"Xã \"\"A\"\"; B\"\r\n2;\"Hai\ndòng\"\n3;C");

        Assert.Equal(["1", "Xã \"A\"; B"], records[1].Fields);
        Assert.Equal(3, records[2].Line);
        Assert.Equal("Hai\ndòng", records[2].Fields[1]);
        Assert.Equal(5, records[3].Line);
        Assert.Throws<DomainException>(() => TabularFile.ParseCsv("a,b\n\"open,1"));
    }
}
