console.log("prepare: nothing yet")
