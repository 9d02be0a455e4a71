using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ItaSurvey.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WriteProbe : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WriteProbes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Writes = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WriteProbes", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "WriteProbes",
                columns: new[] { "Id", "Writes" },
                values: new object[] { 1, 0L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WriteProbes");
        }
    }
}
