#!/bin/sh
echo scriptpkg
