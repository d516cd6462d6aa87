using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Motcua.Plans.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlansTaskOrdinal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Ordinal",
                table: "plan_tasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Ordinal",
                table: "plan_tasks");
        }
    }
}
