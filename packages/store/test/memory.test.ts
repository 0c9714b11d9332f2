import { Memory } from "@chanjiao/store"
import { suite } from "@chanjiao/store/testing"

// The reference adapter passes the same published suite as every other one.
suite("memory", { layer: () => Memory.layerMemory })
