project = "Tmpl.Kit"
