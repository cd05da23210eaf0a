"""SQL storage: tables, the mapping of domain classes onto them, repositories, migrations."""
